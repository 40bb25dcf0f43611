package io.cmohub.routes.store;

/** A store (database or file system) failed. The work is retried; the input is never dropped on this. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
