package io.cmohub.connector;

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
 */
public record DocumentReport(String format, DocumentStatus status, long sourceEvents, long canonicalRecords, List<RecordError> errors,
                             long errorsOmitted, long rejectedRecords) {
    public DocumentReport {
        errors = List.copyOf(errors);
    }

    public boolean accepted() {
        return status == DocumentStatus.ACCEPTED;
    }
}
