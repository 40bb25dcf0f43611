package io.cmohub.coordination.cases;

import io.cmohub.model.ReconciliationVerdict;
import java.util.Objects;

/**
 * The sponsor's decision that closes a case: the root cause in words and, when QA's conclusion
 * differs from the reconciliation's, the verdict it settled on (null keeps the reconciled one).
 */
public record CaseClosure(String rootCause, ReconciliationVerdict verdict) {
    public CaseClosure {
        Objects.requireNonNull(rootCause, "rootCause");
        if (rootCause.isBlank() || rootCause.length() > 2000) {
            throw new IllegalArgumentException("the root cause must be 1-2000 characters");
        }
    }
}
