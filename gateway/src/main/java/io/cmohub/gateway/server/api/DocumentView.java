package io.cmohub.gateway.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cmohub.connector.DocumentNotice;
import io.cmohub.connector.RecordError;
import io.cmohub.routes.store.DocumentRecord;
import java.time.Instant;
import java.util.List;

/**
 * A document's status as the API shows it: identity, status, counts so far, every rejected record's
 * location, field and reason, how often processing was started (with the last failure, if an attempt failed), and
 * what the connector noted that is not an error (notices).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(String documentId, String partner, String format, String channel, String originalName, String sha256, long sizeBytes,
                           Instant receivedAt, String status, long processedRecords, Long sourceEvents, Long canonicalRecords, Long published,
                           Long duplicates, Long rejectedRecords, List<RecordError> errors, Long errorsOmitted, String replayOf, Instant updatedAt,
                           int processingAttempts, String lastFailure, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DocumentNotice> notices) {

    static DocumentView of(DocumentRecord d, List<RecordError> errors) {
        return of(d, errors, List.of());
    }

    static DocumentView of(DocumentRecord d, List<RecordError> errors, List<DocumentNotice> notices) {
        return new DocumentView(d.documentId(), d.partner(), d.format(), d.channel(), d.originalName(), d.sha256(), d.sizeBytes(), d.receivedAt(),
                d.status().name(), d.processedRecords(), d.sourceEvents(), d.canonicalRecords(), d.published(), d.duplicates(), d.rejectedRecords(),
                errors, d.errorsOmitted(), d.replayOf(), d.updatedAt(), d.attempts(), d.lastFailure(), notices);
    }
}
