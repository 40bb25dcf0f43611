package io.cmohub.euhub.resilience;

import java.time.Duration;

/**
 * At most {@code permits} Hub calls per {@code period} from this client. A call that finds no permit
 * waits up to {@code maxWait} for the next period, then is refused with
 * {@link io.cmohub.euhub.EuHubRateLimitedException}. Each retry attempt and each chunk of a bulk
 * request is a call of its own.
 */
public record RateLimitPolicy(int permits, Duration period, Duration maxWait) {

    /** 20 calls per second, waiting up to 2 s for a permit. */
    public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(20, Duration.ofSeconds(1), Duration.ofSeconds(2));

    public RateLimitPolicy {
        Policies.atLeast(permits, 1, "rate limit permits");
        Policies.positive(period, "rate limit period");
        Policies.notNegative(maxWait, "rate limit maxWait");
    }
}
