package io.cmohub.euhub;

/**
 * The Hub could not be reached or could not answer now: connect or read timeout, connection
 * refused, HTTP 429/502/503/504, or a fault the contract marks TRANSIENT. The same request may
 * succeed later; the resilience decorator retries these with back-off and counts them towards the
 * circuit breaker. Thrown to the caller once the retries are used up.
 */
public final class EuHubTransientException extends EuHubException {
    public EuHubTransientException(EuHubOperation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
