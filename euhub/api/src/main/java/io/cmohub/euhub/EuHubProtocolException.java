package io.cmohub.euhub;

/**
 * The exchange failed in a way a retry will not fix: an answer that is not the contract's (garbage,
 * HTML, a DTD, values the model refuses), an unexpected HTTP status (401, 403, 404, a 500 without a
 * SOAP fault), a fault without the contract's detail, or a refused TLS handshake. It usually means
 * a configuration problem (wrong address, certificate, a proxy in the way) and counts against the
 * circuit breaker.
 */
public final class EuHubProtocolException extends EuHubPermanentException {
    public EuHubProtocolException(EuHubOperation operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
