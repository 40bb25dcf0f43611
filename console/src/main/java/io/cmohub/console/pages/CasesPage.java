package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.SignedRecord;
import io.cmohub.coordination.alert.JdbcAlertRegistry;
import io.cmohub.coordination.cases.CaseClosure;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.StoredAnswer;
import io.cmohub.coordination.outbox.OutboxDelivery;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.ReconciliationVerdict;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sponsor's cases: the board (refreshing itself every 30 s through htmx), a case with everything the
 * investigation knows, and its actions — reconcile again, and close with the root cause and an e-signature.
 */
@Controller
@ConsolePage
public class CasesPage {
    private final ConsolePerson people;
    private final ConsoleAccess access;
    private final CaseBoard board;
    private final CaseCoordinator cases;
    private final JdbcAlertRegistry alerts;
    private final OutboxDelivery outbox;

    public CasesPage(ConsolePerson people, ConsoleAccess access, CaseBoard board, CaseCoordinator cases, JdbcAlertRegistry alerts, OutboxDelivery outbox) {
        this.people = people;
        this.access = access;
        this.board = board;
        this.cases = cases;
        this.alerts = alerts;
        this.outbox = outbox;
    }

    @GetMapping("/console/cases")
    public String board(@RequestParam(required = false) String status, @RequestParam(required = false) String cmo,
                        @RequestParam(required = false) String code, @RequestParam(required = false) String market,
                        HttpServletRequest request, Model model) {
        people.require(request, Capability.SPONSOR_READ);
        CaseBoard.Filter filter = new CaseBoard.Filter(status, cmo, code, market);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", board.rows(filter));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("maxRows", CaseBoard.MAX_ROWS);
        // htmx asks for the table only when it refreshes it
        return "true".equals(request.getHeader("HX-Request")) ? "console/cases :: board" : "console/cases";
    }

    @GetMapping("/console/cases/{caseId}")
    public String detail(@PathVariable String caseId, HttpServletRequest request, Model model) {
        ConsoleUser user = people.require(request, Capability.SPONSOR_READ);
        InvestigationCase found = find(caseId);
        model.addAttribute("c", found);
        model.addAttribute("alerts", found.alertIds().stream().map(alerts::find).flatMap(java.util.Optional::stream).toList());
        model.addAttribute("outbox", outbox.ofCase(caseId));
        model.addAttribute("reconciliation", cases.views().reconciliation(caseId).orElse(null));
        model.addAttribute("timeline", cases.views().timeline(caseId));
        Map<EvidenceRequest, List<StoredAnswer>> requests = new LinkedHashMap<>();
        cases.views().requests(caseId).forEach(r -> requests.put(r, cases.views().answers(r.requestId())));
        model.addAttribute("requests", requests);
        model.addAttribute("verdicts", ReconciliationVerdict.values());
        model.addAttribute("mayClose", user.can(Capability.CASE_DECISION) && found.status() != CaseStatus.CLOSED);
        model.addAttribute("mayWork", user.can(Capability.CASE_WORK) && found.status() != CaseStatus.CLOSED);
        return "console/case";
    }

    @PostMapping("/console/cases/{caseId}/reconcile")
    public String reconcile(@PathVariable String caseId, HttpServletRequest request, RedirectAttributes flash) {
        people.require(request, Capability.CASE_WORK);
        find(caseId);
        var result = cases.reconcile(caseId);
        flash.addFlashAttribute("notice", "Reconciled again: " + result.verdict() + " — " + result.reason());
        return "redirect:/console/cases/" + caseId;
    }

    /** A notice or EAMS write-back that failed for good is tried again (e.g. after the liaison's webhook was fixed). */
    @PostMapping("/console/cases/{caseId}/outbox/{messageId}/retry")
    public String retry(@PathVariable String caseId, @PathVariable String messageId, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser user = people.require(request, Capability.CASE_WORK);
        boolean ofThisCase = outbox.ofCase(find(caseId).caseId()).stream().anyMatch(m -> m.messageId().equals(messageId));
        if (ofThisCase && outbox.retry(messageId, user.actor(), "retried in the console")) {
            flash.addFlashAttribute("notice", "Message " + messageId + " is queued again.");
        } else {
            flash.addFlashAttribute("problem", "Message " + messageId + " of case " + caseId + " has not failed; nothing to retry.");
        }
        return "redirect:/console/cases/" + caseId;
    }

    @PostMapping("/console/cases/{caseId}/close")
    public String close(@PathVariable String caseId, @RequestParam(required = false) String rootCause, @RequestParam(required = false) String verdict,
                        @RequestParam(required = false) String password, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser user = people.require(request, Capability.CASE_DECISION);
        if (find(caseId).status() == CaseStatus.CLOSED) {
            throw new ConsoleRefusal(409, "case " + caseId + " is closed already; nothing was signed");
        }
        ReconciliationVerdict chosen;
        try {
            chosen = verdict == null || verdict.isBlank() ? null : ReconciliationVerdict.valueOf(verdict.toUpperCase(Locale.ROOT));
            new CaseClosure(rootCause, chosen);
        } catch (IllegalArgumentException | NullPointerException e) {
            flash.addFlashAttribute("problem", "A closure needs a root cause of 1-2000 characters: " + e.getMessage());
            return "redirect:/console/cases/" + caseId;
        }
        try {
            access.signed(request, password, new SignedRecord("case", caseId, "CLOSED_WITH_ROOT_CAUSE"),
                    manifestation -> cases.close(caseId, user.actor(), new CaseClosure(rootCause, chosen, manifestation)));
        } catch (ConsoleRefusal refusal) {
            flash.addFlashAttribute("problem", refusal.getMessage());
            return "redirect:/console/cases/" + caseId;
        }
        flash.addFlashAttribute("notice", "Case " + caseId + " closed and signed by " + user.displayName() + ".");
        return "redirect:/console/cases/" + caseId;
    }

    private InvestigationCase find(String caseId) {
        return cases.views().find(caseId).orElseThrow(() -> new ConsoleRefusal(404, "no case " + caseId));
    }
}
