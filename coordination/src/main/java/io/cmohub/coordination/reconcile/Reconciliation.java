package io.cmohub.coordination.reconcile;

import io.cmohub.model.ReconciliationVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The reconciliation's verdict on a case with the evidence behind it: what the EU Hub holds, what
 * the CMO's packaging record says and what was scanned. {@code reason} says in one sentence why
 * this verdict; {@code findings} are the facts, in the order they were established.
 */
public record Reconciliation(ReconciliationVerdict verdict, String reason, List<Finding> findings, Instant checkedAt) {
    public Reconciliation {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(checkedAt, "checkedAt");
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public boolean has(String findingCode) {
        return findings.stream().anyMatch(f -> f.code().equals(findingCode));
    }
}
