package io.cmohub.gateway.server.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (bucket4j) for the HTTP API: failed authentications per source address, checked before
 * a key is even looked up, so a flood of bad keys costs neither the partner table nor the audit chain;
 * and requests per authenticated caller, so one partner cannot crowd out the others. A refusal carries
 * the seconds until a token is back, for {@code Retry-After}.
 */
public final class RequestThrottle {
    /** Sources and callers remembered; beyond that the buckets start afresh (an attacker with many addresses gains little). */
    private static final int MAX_TRACKED = 10_000;

    private final long failuresPerMinute;
    private final long requestsPerMinute;
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();
    private final Map<String, Bucket> callers = new ConcurrentHashMap<>();

    /**
     * @param failuresPerMinute failed authentications one source address may make per minute
     * @param requestsPerMinute requests one authenticated caller (partner, alert source, admin) may make per minute
     */
    public RequestThrottle(long failuresPerMinute, long requestsPerMinute) {
        if (failuresPerMinute < 1 || requestsPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be positive: failuresPerMinute=" + failuresPerMinute
                    + " requestsPerMinute=" + requestsPerMinute);
        }
        this.failuresPerMinute = failuresPerMinute;
        this.requestsPerMinute = requestsPerMinute;
    }

    /** Seconds to wait when {@code source} has used up its failed authentications, 0 when it may try. */
    public long failuresExhausted(String source) {
        Bucket bucket = failures.get(source);
        return bucket == null || bucket.getAvailableTokens() > 0 ? 0 : retryAfter(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /** Counts a failed authentication of {@code source}. */
    public void failed(String source) {
        bucket(failures, source, failuresPerMinute).tryConsume(1);
    }

    /** Takes one request of {@code caller}: 0 when it may go ahead, else the seconds until it may. */
    public long request(String caller) {
        ConsumptionProbe probe = bucket(callers, caller, requestsPerMinute).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : retryAfter(probe.getNanosToWaitForRefill());
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, long perMinute) {
        if (buckets.size() >= MAX_TRACKED && !buckets.containsKey(key)) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
    }

    private static long retryAfter(long nanos) {
        return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
    }
}
