package io.cmohub.euhub.resilience;

import java.time.Duration;

/**
 * The short-lived pack-state cache. Only found packs are cached: "unknown serial" and "not in
 * market" may change with the next upload, and those are exactly the answers an alert
 * investigation needs fresh. A pack state changes when someone decommissions the pack, so keep the
 * TTL short; {@link Duration#ZERO} turns the cache off.
 */
public record CachePolicy(Duration ttl, long maxEntries) {

    /** 30 s, 10,000 packs. */
    public static final CachePolicy DEFAULT = new CachePolicy(Duration.ofSeconds(30), 10_000);

    public static final CachePolicy OFF = new CachePolicy(Duration.ZERO, 0);

    public CachePolicy {
        Policies.notNegative(ttl, "cache ttl");
        if (maxEntries < 0) {
            throw new IllegalArgumentException("cache maxEntries must not be negative, was " + maxEntries);
        }
    }

    public boolean enabled() {
        return !ttl.isZero() && maxEntries > 0;
    }
}
