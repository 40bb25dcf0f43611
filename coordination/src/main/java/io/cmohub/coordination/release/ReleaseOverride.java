package io.cmohub.coordination.release;

import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;

/**
 * A QP's signed decision to release a batch although the release check fails. The record is the
 * {@code RELEASE_OVERRIDE} audit row: the justification, every failure it overrides and the signature.
 * One place for the API and the console, so both record the same decision the same way.
 */
public final class ReleaseOverride {
    public static final String ACTION = "RELEASE_OVERRIDE";
    /** What the signature is made for: record type {@code batch-release}, record id {@link #recordId}. */
    public static final String RECORD_TYPE = "batch-release";
    public static final int MAX_JUSTIFICATION = 2000;

    private final AuditTrail audit;

    public ReleaseOverride(AuditTrail audit) {
        this.audit = audit;
    }

    public static String recordId(ProductCode product, BatchId batchId) {
        return product.value() + "/" + batchId.value();
    }

    /** Refused (with the reason) unless it is 1-2000 characters. */
    public static String justification(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_JUSTIFICATION) {
            throw new IllegalArgumentException("an override needs a justification of 1-" + MAX_JUSTIFICATION + " characters");
        }
        return text.strip();
    }

    /** Records the override of {@code failed} (a check that was just run and failed) with the QP's signature manifestation. */
    public void record(ReleaseCheckResult failed, String actor, String justification, String signature) {
        if (failed.passes()) {
            throw new IllegalStateException("the release check of " + recordId(failed.product(), failed.batchId()) + " passes: there is nothing to override");
        }
        audit.record(AuditEvent.success(actor, ACTION).on(BatchRegistry.AUDIT_OBJECT, recordId(failed.product(), failed.batchId()))
                .because(justification(justification)).details("overridden: " + String.join("; ", failed.failures()) + "; signed: " + signature));
    }
}
