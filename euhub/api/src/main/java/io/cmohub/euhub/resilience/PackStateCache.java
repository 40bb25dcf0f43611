package io.cmohub.euhub.resilience;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Found pack states by query, each for {@link CachePolicy#ttl()} after the Hub answered. */
final class PackStateCache {
    private final Cache<PackQuery, PackStateResult> cache;

    PackStateCache(CachePolicy policy, Clock clock) {
        this.cache = policy.enabled()
                ? Caffeine.newBuilder()
                        .expireAfterWrite(policy.ttl())
                        .maximumSize(policy.maxEntries())
                        .ticker(() -> nanos(clock.instant()))
                        // maintenance on the caller's thread: no background pool, deterministic in tests
                        .executor(Runnable::run)
                        .build()
                : null;
    }

    Optional<PackStateResult> get(PackQuery query) {
        return cache == null ? Optional.empty() : Optional.ofNullable(cache.getIfPresent(query));
    }

    void putIfFound(PackStateResult result) {
        if (cache != null && result.found()) {
            cache.put(result.query(), result);
        }
    }

    void evict(PackQuery query) {
        if (cache != null) {
            cache.invalidate(query);
        }
    }

    void clear() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
