package io.cmohub.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The result of reading one document: the shape printed by {@code cmohub validate} and returned by
 * the gateway's document status API.
 *
 * @param sourceEvents     records or events read from the source
 * @param canonicalRecords canonical records delivered, or for a validation run deliverable (0 when the document is rejected)
 * @param errors           every rejected record's errors, in document order, up to {@link DocumentRun#MAX_REPORTED_ERRORS}
 * @param errorsOmitted    errors beyond that cap, counted but not listed
 * @param rejectedRecords  source records rejected (each may have several errors)
 * @param notices          what the reader should know that is not an error, each once, up to {@link DocumentRun#MAX_NOTICES}
 */
public record DocumentReport(String format, DocumentStatus status, long sourceEvents, long canonicalRecords, List<RecordError> errors,
                             long errorsOmitted, long rejectedRecords,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY)
                             List<DocumentNotice> notices) {
    public DocumentReport {
        errors = List.copyOf(errors);
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public DocumentReport(String format, DocumentStatus status, long sourceEvents, long canonicalRecords, List<RecordError> errors,
                          long errorsOmitted, long rejectedRecords) {
        this(format, status, sourceEvents, canonicalRecords, errors, errorsOmitted, rejectedRecords, List.of());
    }

    public boolean accepted() {
        return status == DocumentStatus.ACCEPTED;
    }
}
