package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.StoredAnswer;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.DocumentStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A file a CMO sent as evidence, as it was received, for the sponsor (any sponsor role) or the liaison of
 * the request's own partner. Always a download (never rendered in the console's origin); every read is audited.
 */
@Controller
@ConsolePage
public class EvidenceFiles {
    private final ConsolePerson people;
    private final io.cmohub.console.ConsoleAccess access;
    private final CaseCoordinator cases;
    private final DocumentStore store;
    private final AuditTrail audit;

    public EvidenceFiles(ConsolePerson people, io.cmohub.console.ConsoleAccess access, CaseCoordinator cases, DocumentStore store, AuditTrail audit) {
        this.people = people;
        this.access = access;
        this.cases = cases;
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/console/evidence/{requestId}/{seq}")
    public ResponseEntity<InputStreamResource> download(@PathVariable String requestId, @PathVariable int seq, HttpServletRequest request) throws IOException {
        ConsoleUser user = access.user(request).orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
        people.require(request, user.isLiaison() ? Capability.LIAISON : Capability.SPONSOR_READ);
        EvidenceRequest evidenceRequest = cases.views().request(requestId)
                .filter(r -> !user.isLiaison() || r.partner().value().equals(user.partner()))
                .orElseThrow(() -> new ConsoleRefusal(404, "no evidence request " + requestId));
        StoredAnswer answer = cases.views().answers(requestId).stream().filter(a -> a.seq() == seq && a.documentId() != null).findFirst()
                .orElseThrow(() -> new ConsoleRefusal(404, "no file " + seq + " in the answers to " + requestId));
        audit.record(AuditEvent.success(user.actor(), "EVIDENCE_READ").on("evidence-request", requestId)
                .because("evidence file downloaded in the console").details("case=" + evidenceRequest.caseId() + " file=" + answer.fileName()
                        + " sha256=" + answer.sha256()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(answer.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new InputStreamResource(store.open(answer.documentId())));
    }
}
