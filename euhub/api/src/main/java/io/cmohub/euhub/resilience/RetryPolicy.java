package io.cmohub.euhub.resilience;

import java.time.Duration;

/**
 * Retries of transient failures: exponential back-off with random jitter, so that many clients
 * recovering from the same Hub outage do not retry in lock-step.
 *
 * @param maxAttempts     attempts in total, including the first (1 = no retry)
 * @param initialBackoff  wait before the second attempt, before jitter
 * @param multiplier      factor applied to the wait for each further attempt
 * @param jitter          randomisation factor in [0, 1): the wait is spread by ± this fraction
 * @param maxBackoff      cap on a single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, double jitter, Duration maxBackoff) {

    /** 3 attempts; waits of about 200 ms and 400 ms (± 50 %), never more than 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(2));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(1), 1.0, 0.0, Duration.ofMillis(1));

    public RetryPolicy {
        Policies.atLeast(maxAttempts, 1, "retry maxAttempts");
        Policies.positive(initialBackoff, "retry initialBackoff");
        Policies.positive(maxBackoff, "retry maxBackoff");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("retry multiplier must be at least 1.0, was " + multiplier);
        }
        if (jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("retry jitter must be in [0, 1), was " + jitter);
        }
    }
}
