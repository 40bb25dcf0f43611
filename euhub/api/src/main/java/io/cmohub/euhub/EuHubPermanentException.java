package io.cmohub.euhub;

/**
 * The call will not succeed if repeated as it is: never retried. Either the Hub refused the request
 * ({@link EuHubFaultException}) or the exchange itself is broken ({@link EuHubProtocolException}).
 */
public abstract sealed class EuHubPermanentException extends EuHubException permits EuHubFaultException, EuHubProtocolException {
    protected EuHubPermanentException(EuHubOperation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
