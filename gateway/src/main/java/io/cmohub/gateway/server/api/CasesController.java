package io.cmohub.gateway.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.gateway.server.security.Principal;
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

    public CasesController(CaseCoordinator cases, OutboxDelivery outbox, Access access) {
        this.cases = cases;
        this.views = cases.views();
        this.outbox = outbox;
        this.access = access;
    }

    @GetMapping("/cases")
    public JsonNode list(@RequestParam(required = false) String status, @RequestParam(required = false) String partner,
                         @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        access.requireAdmin(request);
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

    @GetMapping("/cases/{caseId}")
    public JsonNode get(@PathVariable String caseId, HttpServletRequest request) {
        access.requireAdmin(request);
        return view(find(caseId));
    }

    /** Closing is the sponsor's decision: body {@code {"rootCause": "...", "verdict": "LIKELY_CMO_PRINT_ERROR"}} (verdict optional). Idempotent. */
    @PostMapping("/cases/{caseId}/close")
    public JsonNode close(@PathVariable String caseId, @RequestBody Map<String, String> body, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
        find(caseId);
        CaseClosure closure;
        try {
            String verdict = body.get("verdict");
            closure = new CaseClosure(body.get("rootCause"), verdict == null || verdict.isBlank() ? null
                    : ReconciliationVerdict.valueOf(verdict.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "a closure needs a rootCause (at most 2000 characters) and an optional known verdict: "
                    + e.getMessage());
        }
        cases.close(caseId, admin.actor(), closure);
        return view(find(caseId));
    }

    /** Asks the EU Hub again, e.g. after a Hub outage left the case INCONCLUSIVE with HUB_UNAVAILABLE. */
    @PostMapping("/cases/{caseId}/reconcile")
    public JsonNode reconcile(@PathVariable String caseId, HttpServletRequest request) {
        access.requireAdmin(request);
        find(caseId);
        return CanonicalJson.mapper().valueToTree(cases.reconcile(caseId));
    }

    @GetMapping("/coordination/outbox")
    public JsonNode undelivered(HttpServletRequest request) {
        access.requireAdmin(request);
        return CanonicalJson.mapper().valueToTree(outbox.undelivered());
    }

    @PostMapping("/coordination/outbox/{messageId}/retry")
    public ResponseEntity<Void> retry(@PathVariable String messageId, @RequestBody(required = false) Map<String, String> body, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
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
        return json;
    }
}
