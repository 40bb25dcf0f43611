package io.cmohub.connector.limits;

/**
 * A record is larger than a {@link RecordLimits} bound and the reader cannot go on to the next one
 * (the parser is mid-record). Unchecked, so that it passes through the JSON, StAX and JAXB parsers
 * reading the stream; {@link io.cmohub.connector.DocumentRun} turns it into a located document failure.
 */
public final class RecordLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String location;

    public RecordLimitExceededException(String location, String message) {
        super(message);
        this.location = location;
    }

    /** Where the record starts, e.g. "event 3" or "line 12". */
    public String location() {
        return location;
    }
}
