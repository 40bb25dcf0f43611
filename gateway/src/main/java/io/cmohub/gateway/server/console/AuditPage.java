package io.cmohub.gateway.server.console;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.pages.ConsolePerson;
import io.cmohub.routes.audit.JdbcAuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit page (ADMIN, AUDITOR, QA): whether the audit trail's keyed hash chain verifies, and the reviews
 * the regulations expect — the access review and the audit-trail review of a period — as CSV downloads.
 */
@Controller
@ConsolePage
@WithConsole
public class AuditPage {
    private final ConsolePerson people;
    private final JdbcAuditTrail audit;

    public AuditPage(ConsolePerson people, JdbcAuditTrail audit) {
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/console/admin/audit")
    public String audit(HttpServletRequest request, Model model) {
        people.require(request, Capability.AUDIT_REVIEW);
        var verification = audit.verify();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        model.addAttribute("verification", verification);
        model.addAttribute("from", today.withDayOfMonth(1).minusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        model.addAttribute("to", today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return "console/admin/audit";
    }
}
