package io.cmohub.routes.pipeline;

/** Processing of a document failed with an error the JVM survives (out of memory or stack); the document is retried or given up like any failure. */
public final class ProcessingFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProcessingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
