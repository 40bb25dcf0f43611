package io.cmohub.coordination.alert.eams;

/** The EAMS could not be read or written (unreachable, refused, or not answering the contract). */
public class EamsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public EamsException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }
}
