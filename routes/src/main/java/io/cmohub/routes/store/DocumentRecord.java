package io.cmohub.routes.store;

import java.time.Instant;

/**
 * What the hub knows about one received document. Counts are null until processing ends, except
 * {@code processedRecords}, which grows while a large document is processed.
 *
 * @param channel   how it arrived: http, inbox, jms, replay
 * @param published canonical events published for the first time
 * @param duplicates canonical events already published before (re-sent records), not published again
 * @param attempts  how often processing was started (a document is given up after the configured maximum)
 * @param lastFailure why the last processing attempt failed, if one did
 */
public record DocumentRecord(String documentId, String partner, String format, String channel, String originalName, String sha256,
                             long sizeBytes, Instant receivedAt, DocumentState status, long processedRecords, Long sourceEvents,
                             Long canonicalRecords, Long published, Long duplicates, Long rejectedRecords, Long errorsOmitted,
                             String replayOf, Instant updatedAt, int attempts, String lastFailure) {

    public static DocumentRecord received(StoredDocument stored, String partner, String format, String channel, String originalName,
                                          Instant receivedAt, String replayOf) {
        return new DocumentRecord(stored.documentId(), partner, format, channel, originalName, stored.sha256(), stored.sizeBytes(), receivedAt,
                DocumentState.RECEIVED, 0, null, null, null, null, null, null, replayOf, receivedAt, 0, null);
    }
}
