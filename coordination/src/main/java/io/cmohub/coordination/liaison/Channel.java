package io.cmohub.coordination.liaison;

import java.net.URI;
import java.util.Objects;

/**
 * One way of reaching a CMO's liaison. For a webhook, {@code secretRef} names the HMAC secret
 * (resolved by the host, e.g. from its secret store): the register never holds the secret itself.
 */
public record Channel(ChannelType type, String address, String secretRef) {
    public Channel {
        Objects.requireNonNull(type, "channel type");
        Objects.requireNonNull(address, "channel address");
        if (address.isBlank() || address.length() > 1000) {
            throw new IllegalArgumentException("channel address must be 1-1000 characters");
        }
        if (type == ChannelType.WEBHOOK) {
            URI uri = URI.create(address);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("webhook address must be an http(s) URL: " + address);
            }
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException("webhook address must not carry user info (it would be logged): " + uri.getHost());
            }
            if (secretRef == null || secretRef.isBlank()) {
                throw new IllegalArgumentException("a webhook channel needs a secretRef naming its signing secret");
            }
        }
        if (type == ChannelType.EMAIL && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("'" + address + "' is not an e-mail address");
        }
        if (secretRef != null && secretRef.length() > 200) {
            throw new IllegalArgumentException("secretRef must be at most 200 characters");
        }
    }

    /** The short name the canonical EvidenceRequest carries as its channel. */
    public String label() {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
