package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.gateway.server.quarantine.QuarantineReplay;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarantine: documents with rejected content, kept with their original bytes and reasons.
 * A replay (after a mapping or registry fix) runs the original bytes through the pipeline again as
 * a new document; records published before are not published twice.
 */
@RestController
@RequestMapping("/api/v1/quarantine")
public class QuarantineController {
    private final JdbcDocumentRegistry registry;
    private final DocumentStore store;
    private final QuarantineReplay replays;
    private final AuditTrail audit;
    private final Access access;

    public QuarantineController(JdbcDocumentRegistry registry, DocumentStore store, QuarantineReplay replays, AuditTrail audit, Access access) {
        this.registry = registry;
        this.store = store;
        this.replays = replays;
        this.audit = audit;
        this.access = access;
    }

    @Authorised(AccessRule.PARTNER_READ)
    @GetMapping
    public List<DocumentView> list(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset,
                                   HttpServletRequest request) {
        Principal principal = access.principal(request);
        int bounded = Math.max(1, Math.min(limit, 1000));
        return registry.quarantined(principal.visiblePartner(), bounded, Math.max(0, offset)).stream()
                .map(d -> DocumentView.of(d, null)) // the errors are on GET /api/v1/documents/{id}
                .toList();
    }

    @Authorised(AccessRule.PARTNER_READ)
    @GetMapping("/{documentId}/content")
    public ResponseEntity<InputStreamResource> content(@PathVariable String documentId, HttpServletRequest request) throws IOException {
        Principal principal = access.principal(request);
        DocumentRecord record = visible(documentId, principal);
        // Hashed again before it is served: the header states what the bytes are, not what the registry says they were.
        String actual;
        try (InputStream stored = store.open(record.documentId())) {
            actual = io.cmohub.routes.store.Sha256.hex(stored);
        }
        if (!actual.equals(record.sha256())) {
            audit.record(AuditEvent.failure(principal.actor(), "READ_ORIGINAL").on("document", record.documentId())
                    .because("the stored original no longer matches its SHA-256 at receipt").details("registered=" + record.sha256() + " stored=" + actual));
            throw new ApiException(HttpStatus.CONFLICT, "the stored original of document " + record.documentId()
                    + " no longer matches the SHA-256 registered at receipt; it is not served (the event is audited)");
        }
        InputStream content = store.open(record.documentId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(record.sizeBytes())
                .header("X-Content-SHA256", actual).body(new InputStreamResource(content));
    }

    @Authorised(AccessRule.OPERATIONS)
    @PostMapping("/{documentId}/replay")
    public ResponseEntity<Map<String, String>> replay(@PathVariable String documentId, HttpServletRequest request) throws IOException {
        Principal admin = access.requireRoles(request, Role.OPERATIONS);
        DocumentRecord original = visible(documentId, admin);
        DocumentRecord replayed = replays.replay(original, admin.actor());
        return ResponseEntity.accepted().body(Map.of("documentId", replayed.documentId(), "replayOf", original.documentId(), "status",
                replayed.status().name()));
    }

    private DocumentRecord visible(String documentId, Principal principal) {
        DocumentRecord record = registry.find(documentId)
                .filter(QuarantineReplay::quarantined)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no quarantined document " + documentId));
        if (principal.visiblePartner() != null && !principal.visiblePartner().equals(record.partner())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no quarantined document " + documentId);
        }
        return record;
    }
}
