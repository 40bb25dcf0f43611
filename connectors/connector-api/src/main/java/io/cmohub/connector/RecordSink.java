package io.cmohub.connector;

import io.cmohub.model.CanonicalRecord;
import java.util.List;

/**
 * Where a parser reports what it read. Every source record (a CSV row, an EPCIS event, a JSON
 * object) ends in exactly one call of {@link #accepted} or {@link #rejected}; that is how the hub
 * counts {@code sourceEvents}. A document that cannot be read at all ends in {@link #failed}.
 */
public interface RecordSink {

    /**
     * A source record mapped to canonical records (usually one; an OOS QC result also yields a
     * quality event; a huge EPCIS event yields several chunks).
     *
     * @param location where the record is in the document, e.g. "line 7" or "event 3"
     */
    void accepted(String location, List<CanonicalRecord> records);

    /** A source record broke one or more rules; every broken rule is listed. */
    void rejected(String location, List<FieldError> errors);

    /** The document as a whole is unreadable (wrong encoding, malformed syntax, wrong header). Parsing stops. */
    void failed(String location, FieldError error);

    /**
     * Something worth knowing that is not an error ({@link DocumentNotice}): it changes no count and
     * rejects nothing. The same message twice is reported once.
     */
    default void notice(String location, String message) {
    }
}
