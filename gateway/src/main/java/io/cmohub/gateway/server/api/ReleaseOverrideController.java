package io.cmohub.gateway.server.api;

import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.release.ReleaseCheck;
import io.cmohub.coordination.release.ReleaseOverride;
import io.cmohub.coordination.release.ReleaseCheckResult;
import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.reviews.AuditReview;
import io.cmohub.gateway.server.reviews.AuditReviewRow;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.ElectronicSignature;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A QP's signed decision to release a batch although the hub's release check fails: the check runs again
 * (the override is for what fails now, not for an old answer), and only if it still fails is the QP's
 * justification recorded with their signature ({@code batch-release}, {@code <product>/<batch>}, APPROVED)
 * as a {@code RELEASE_OVERRIDE} audit row naming every failure it overrides. A passing batch needs no
 * override (409). The override is the hub's record of the decision; it is not published as a canonical
 * event yet (the sponsor's ERP takes the release itself).
 */
@RestController
@RequestMapping("/api/v1/batches/{product}/{batch}")
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class ReleaseOverrideController {
    static final String RECORD_TYPE = ReleaseOverride.RECORD_TYPE;

    private final ReleaseCheck releaseCheck;
    private final JdbcSignatures signatures;
    private final ReleaseOverride overrides;
    private final AuditReview trail;
    private final Access access;

    public ReleaseOverrideController(ReleaseCheck releaseCheck, JdbcSignatures signatures, AuditTrail audit, javax.sql.DataSource dataSource,
                                     Access access) {
        this.releaseCheck = releaseCheck;
        this.signatures = signatures;
        this.overrides = new ReleaseOverride(audit);
        this.trail = new AuditReview(dataSource);
        this.access = access;
    }

    /** Body {@code {"justification": "...", "signatureId": "..."}}. */
    @Authorised(AccessRule.SIGNED_RELEASE)
    @PostMapping("/release-override")
    public Map<String, Object> override(@PathVariable String product, @PathVariable String batch, @RequestBody Map<String, String> body,
                                        HttpServletRequest request) {
        Principal qp = access.requirePerson(request, java.util.EnumSet.of(Role.QP));
        ProductCode productCode;
        BatchId batchId;
        try {
            productCode = ProductCode.of(product);
            batchId = BatchId.of(batch);
        } catch (InvalidValueException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        String justification;
        try {
            justification = ReleaseOverride.justification(body.get("justification"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        String signatureId = body.get("signatureId");
        String record = ReleaseOverride.recordId(productCode, batchId);
        if (signatureId == null || signatureId.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "releasing a batch despite a failed check is a signed decision: sign it first (POST"
                    + " /api/v1/signatures with recordType \"" + RECORD_TYPE + "\", recordId \"" + record + "\", meaning APPROVED)");
        }
        signatures.check(signatureId, qp.id(), SignatureMeaning.APPROVED, RECORD_TYPE, record); // a bad signature changes nothing, not even a check
        ReleaseCheckResult check;
        try {
            check = releaseCheck.check(productCode, batchId, qp.actor());
        } catch (io.cmohub.euhub.EuHubException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the EU Hub could not be asked; nothing was overridden: " + e.getMessage());
        }
        if (check.passes()) {
            throw new ApiException(HttpStatus.CONFLICT, "the release check of " + record + " passes now; there is nothing to override");
        }
        ElectronicSignature signature = signatures.spend(signatureId, qp.id(), SignatureMeaning.APPROVED, RECORD_TYPE, record, spent -> {
            overrides.record(check, qp.actor(), justification, spent.manifestation());
            return spent;
        });
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("check", check);
        response.put("justification", justification);
        response.put("signature", signature);
        return response;
    }

    /** The overrides of a batch, oldest first, as the audit trail holds them (who, when, why, what failed, the signature). */
    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/release-overrides")
    public List<AuditReviewRow> overrides(@PathVariable String product, @PathVariable String batch, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return trail.rowsOf(ReleaseOverride.ACTION, BatchRegistry.AUDIT_OBJECT, product + "/" + batch);
    }
}
