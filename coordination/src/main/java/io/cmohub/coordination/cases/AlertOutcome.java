package io.cmohub.coordination.cases;

import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.InvestigationCase;
import io.cmohub.coordination.reconcile.Reconciliation;
import java.util.Optional;

/**
 * What handling one alert did. {@code change}: OPENED a new case, JOINED an open case of the same
 * code and batch, or DUPLICATE (the alert was handled before; nothing changed).
 */
public record AlertOutcome(Change change, InvestigationCase investigationCase, Optional<EvidenceRequest> evidenceRequest,
                           Optional<Reconciliation> reconciliation) {
    public enum Change { OPENED, JOINED, DUPLICATE }
}
