package io.cmohub.euhub;

/**
 * A call to the EU Hub did not produce an answer. The subclass says what a caller can do about it;
 * the message names the operation and the reason and never holds credentials.
 */
public abstract sealed class EuHubException extends RuntimeException
        permits EuHubTransientException, EuHubPermanentException, EuHubCircuitOpenException, EuHubRateLimitedException {

    private final EuHubOperation operation;

    protected EuHubException(EuHubOperation operation, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
    }

    /** The operation that failed. */
    public EuHubOperation operation() {
        return operation;
    }
}
