package io.cmohub.euhub;

/**
 * Refused locally without calling the Hub: the circuit breaker is open because recent calls failed.
 * Try again after the open period; callers that can wait (a verification queue) should requeue.
 */
public final class EuHubCircuitOpenException extends EuHubException {
    public EuHubCircuitOpenException(EuHubOperation operation, String message) {
        super(operation, message, null);
    }
}
