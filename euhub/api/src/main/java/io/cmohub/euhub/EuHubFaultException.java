package io.cmohub.euhub;

/**
 * The Hub answered with a fault about the request or the data (contract categories BUSINESS and
 * REQUEST, e.g. INVALID_REQUEST, NOT_AUTHORISED). The Hub is healthy, so this does not count
 * against the circuit breaker.
 */
public final class EuHubFaultException extends EuHubPermanentException {
    private final String code;

    public EuHubFaultException(EuHubOperation operation, String code, String message) {
        super(operation, message, null);
        this.code = code;
    }

    /** The fault code the Hub sent. */
    public String code() {
        return code;
    }
}
