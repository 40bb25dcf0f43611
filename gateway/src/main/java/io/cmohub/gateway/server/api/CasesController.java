package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.ReconciliationVerdict;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.PartnerId;
import io.cmohub.coordination.cases.CaseClosure;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.CaseViews;
import io.cmohub.coordination.outbox.OutboxDelivery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Investigation cases for the sponsor (admin credential): list, one case with its timeline,
 * evidence requests and answers and the reconciliation verdict, closure, re-reconciliation, and the
 * coordination outbox (undelivered messages and operator retry).
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class CasesController {
    private final CaseCoordinator cases;
    private final CaseViews views;
    private final OutboxDelivery outbox;
    private final Access access;
    private final JdbcSignatures signatures;

    public CasesController(CaseCoordinator cases, OutboxDelivery outbox, Access access, JdbcSignatures signatures) {
        this.signatures = signatures;
        this.cases = cases;
        this.views = cases.views();
        this.outbox = outbox;
        this.access = access;
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/cases")
    public JsonNode list(@RequestParam(required = false) String status, @RequestParam(required = false) String partner,
                         @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        CaseStatus wanted;
        PartnerId of;
        try {
            wanted = status == null ? null : CaseStatus.valueOf(status.toUpperCase(Locale.ROOT));
            of = partner == null ? null : PartnerId.of(partner);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad filter: " + e.getMessage());
        }
        return CanonicalJson.mapper().valueToTree(views.list(wanted, of, Math.max(1, Math.min(limit, 1000))));
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/cases/{caseId}")
    public JsonNode get(@PathVariable String caseId, HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return view(find(caseId));
    }

    /**
     * Closing is the sponsor's decision, e-signed: body {@code {"rootCause": "...", "verdict": "LIKELY_CMO_PRINT_ERROR",
     * "signatureId": "..."}} (verdict optional), by a person with a case-decision role whose signature was made
     * for this case with the meaning "closed with root cause" ({@code POST /api/v1/signatures}). Closing a
     * closed case changes nothing and spends no signature.
     */
    @Authorised(AccessRule.CASE_DECISION)
    @PostMapping("/cases/{caseId}/close")
    public JsonNode close(@PathVariable String caseId, @RequestBody Map<String, String> body, HttpServletRequest request) {
        Principal person = access.requirePerson(request, Role.CASE_DECISION);
        InvestigationCase existing = find(caseId);
        if (existing.status() == CaseStatus.CLOSED) {
            return view(existing);
        }
        String rootCause = body.get("rootCause");
        ReconciliationVerdict verdict;
        try {
            String given = body.get("verdict");
            verdict = given == null || given.isBlank() ? null : ReconciliationVerdict.valueOf(given.toUpperCase(Locale.ROOT));
            new CaseClosure(rootCause, verdict);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a closure needs a rootCause (at most 2000 characters) and an optional known verdict: "
                    + e.getMessage());
        }
        String signatureId = body.get("signatureId");
        if (signatureId == null || signatureId.isBlank()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "closing a case is a signed decision: sign it first (POST /api/v1/signatures with recordType"
                    + " \"case\", recordId \"" + caseId + "\", meaning CLOSED_WITH_ROOT_CAUSE) and send the signatureId");
        }
        signatures.spend(signatureId, person.id(), SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", caseId,
                signature -> cases.close(caseId, person.actor(), new CaseClosure(rootCause, verdict, signature.manifestation())));
        return view(find(caseId));
    }

    /** Asks the EU Hub again, e.g. after a Hub outage left the case INCONCLUSIVE with HUB_UNAVAILABLE. */
    @Authorised(AccessRule.CASE_WORK)
    @PostMapping("/cases/{caseId}/reconcile")
    public JsonNode reconcile(@PathVariable String caseId, HttpServletRequest request) {
        access.requireRoles(request, Role.CASE_WORK);
        find(caseId);
        return CanonicalJson.mapper().valueToTree(cases.reconcile(caseId));
    }

    @Authorised(AccessRule.SPONSOR_READ)
    @GetMapping("/coordination/outbox")
    public JsonNode undelivered(HttpServletRequest request) {
        access.requireRoles(request, Role.SPONSOR);
        return CanonicalJson.mapper().valueToTree(outbox.undelivered());
    }

    @Authorised(AccessRule.CASE_WORK)
    @PostMapping("/coordination/outbox/{messageId}/retry")
    public ResponseEntity<Void> retry(@PathVariable String messageId, @RequestBody(required = false) Map<String, String> body, HttpServletRequest request) {
        Principal admin = access.requireRoles(request, Role.CASE_WORK);
        String reason = body == null ? null : body.get("reason");
        if (!outbox.retry(messageId, admin.actor(), reason == null || reason.isBlank() ? "operator retry" : reason)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no failed outbox message " + messageId);
        }
        return ResponseEntity.noContent().build();
    }

    private InvestigationCase find(String caseId) {
        return views.find(caseId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no case " + caseId));
    }

    private JsonNode view(InvestigationCase c) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        json.set("case", CanonicalJson.mapper().valueToTree(c));
        json.set("reconciliation", CanonicalJson.mapper().valueToTree(views.reconciliation(c.caseId()).orElse(null)));
        json.set("timeline", CanonicalJson.mapper().valueToTree(views.timeline(c.caseId())));
        var requests = json.putArray("evidenceRequests");
        views.requests(c.caseId()).forEach(r -> {
            ObjectNode entry = CanonicalJson.mapper().valueToTree(r);
            entry.set("answers", CanonicalJson.mapper().valueToTree(views.answers(r.requestId())));
            requests.add(entry);
        });
        json.set("outbox", CanonicalJson.mapper().valueToTree(outbox.ofCase(c.caseId())));
        json.set("signatures", CanonicalJson.mapper().valueToTree(signatures.ofRecord("case", c.caseId())));
        return json;
    }
}
