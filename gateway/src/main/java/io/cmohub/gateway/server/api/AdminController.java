package io.cmohub.gateway.server.api;

import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.audit.AuditVerification;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin endpoints. */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminController {
    private final AuditTrail audit;
    private final Access access;

    public AdminController(AuditTrail audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    /** Checks the audit trail's hash chain and reports the first edited, deleted or missing row. */
    @GetMapping("/audit/verification")
    public AuditVerification verifyAudit(HttpServletRequest request) {
        access.requireAdmin(request);
        return audit.verify();
    }
}
