package io.cmohub.euhub.resilience;

import java.time.Duration;

/**
 * When to stop calling a failing Hub. Over the last {@code windowSize} calls (once at least
 * {@code minimumCalls} were made), if {@code failureRatePercent} or more failed with a transient or
 * protocol failure, the circuit opens: calls are refused locally for {@code openDuration}. Then
 * {@code halfOpenCalls} trial calls decide whether it closes again or reopens. Business faults
 * are answers, not failures, and do not count.
 */
public record CircuitPolicy(int windowSize, int minimumCalls, float failureRatePercent, Duration openDuration, int halfOpenCalls) {

    /** 50 % of the last 20 calls (at least 10), open for 30 s, 3 trial calls. */
    public static final CircuitPolicy DEFAULT = new CircuitPolicy(20, 10, 50f, Duration.ofSeconds(30), 3);

    public CircuitPolicy {
        Policies.atLeast(windowSize, 1, "circuit windowSize");
        Policies.atLeast(minimumCalls, 1, "circuit minimumCalls");
        Policies.atLeast(halfOpenCalls, 1, "circuit halfOpenCalls");
        Policies.positive(openDuration, "circuit openDuration");
        if (failureRatePercent <= 0f || failureRatePercent > 100f) {
            throw new IllegalArgumentException("circuit failureRatePercent must be in (0, 100], was " + failureRatePercent);
        }
    }
}
