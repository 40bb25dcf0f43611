package io.cmohub.coordination.cases;

import io.cmohub.model.ReconciliationVerdict;
import java.util.Objects;

/**
 * The sponsor's decision that closes a case: the root cause in words and, when QA's conclusion
 * differs from the reconciliation's, the verdict it settled on (null keeps the reconciled one).
 *
 * @param signature the manifestation of the electronic signature the host took for this decision
 *                  (printed name, time, meaning, signature id), written into the timeline and the audit
 *                  row of the closure; null where the host signs nothing (an embedding without people)
 */
public record CaseClosure(String rootCause, ReconciliationVerdict verdict, String signature) {
    public CaseClosure {
        Objects.requireNonNull(rootCause, "rootCause");
        if (rootCause.isBlank() || rootCause.length() > 2000) {
            throw new IllegalArgumentException("the root cause must be 1-2000 characters");
        }
    }

    public CaseClosure(String rootCause, ReconciliationVerdict verdict) {
        this(rootCause, verdict, null);
    }
}
