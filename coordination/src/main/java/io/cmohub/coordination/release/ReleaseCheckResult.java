package io.cmohub.coordination.release;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.List;

/**
 * The pre-release upload gate's answer: PASS only when every check passed. {@code failures} say
 * what is wrong (one reason per failed check), {@code passed} what was confirmed.
 */
public record ReleaseCheckResult(ProductCode product, BatchId batchId, Outcome outcome, List<String> failures, List<String> passed, Instant checkedAt) {
    public enum Outcome { PASS, FAIL }

    public ReleaseCheckResult {
        failures = List.copyOf(failures);
        passed = List.copyOf(passed);
    }

    public boolean passes() {
        return outcome == Outcome.PASS;
    }
}
