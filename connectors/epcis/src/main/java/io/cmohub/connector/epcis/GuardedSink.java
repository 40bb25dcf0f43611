package io.cmohub.connector.epcis;

import io.cmohub.connector.FieldError;
import io.cmohub.connector.RecordSink;
import io.cmohub.model.CanonicalRecord;
import java.util.List;

/**
 * Marks exceptions that come out of the caller's sink (a broker down while delivering), so the
 * parser can tell them from exceptions of the XML or JSON library on bad input: the first kind must
 * reach the caller unchanged, the second becomes a document failure.
 */
final class GuardedSink implements RecordSink {
    /** Carries the sink's own exception through the parser. */
    static final class SinkException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkException(RuntimeException cause) {
            super(cause);
        }

        RuntimeException original() {
            return (RuntimeException) getCause();
        }
    }

    private final RecordSink sink;

    GuardedSink(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void accepted(String location, List<CanonicalRecord> records) {
        try {
            sink.accepted(location, records);
        } catch (RuntimeException e) {
            throw new SinkException(e);
        }
    }

    @Override
    public void rejected(String location, List<FieldError> errors) {
        try {
            sink.rejected(location, errors);
        } catch (RuntimeException e) {
            throw new SinkException(e);
        }
    }

    @Override
    public void failed(String location, FieldError error) {
        try {
            sink.failed(location, error);
        } catch (RuntimeException e) {
            throw new SinkException(e);
        }
    }
}
