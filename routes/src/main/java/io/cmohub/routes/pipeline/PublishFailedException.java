package io.cmohub.routes.pipeline;

/** The broker (or other publish target) refused a batch; the document is retried, nothing is marked as published. */
public class PublishFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishFailedException(String message, Throwable cause) {
        super(message + ": " + cause, cause);
    }
}
