package io.cmohub.euhub;

/**
 * Refused locally without calling the Hub: the client's rate limit had no permit free within the
 * configured wait. Protects the Hub (and the OBP's standing with EMVO) from bursts such as a bulk
 * re-verification.
 */
public final class EuHubRateLimitedException extends EuHubException {
    public EuHubRateLimitedException(EuHubOperation operation, String message) {
        super(operation, message, null);
    }
}
