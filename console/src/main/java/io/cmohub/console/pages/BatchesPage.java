package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.SignedRecord;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.CaseViews;
import io.cmohub.coordination.registry.RegisteredBatch;
import io.cmohub.coordination.registry.RegisteredBatches;
import io.cmohub.coordination.release.ReleaseCheck;
import io.cmohub.coordination.release.ReleaseCheckResult;
import io.cmohub.coordination.release.ReleaseOverride;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Batches as the registry knows them per CMO — site, packaging runs and lines, serial counts, EU Hub upload
 * status, the batch's open cases — with the release check and its reasons, and a QP's e-signed override of a failing check.
 */
@Controller
@ConsolePage
public class BatchesPage {
    private final ConsolePerson people;
    private final ConsoleAccess access;
    private final RegisteredBatches batches;
    private final JdbcPartnerDirectory partners;
    private final ReleaseCheck releaseCheck;
    private final ReleaseOverride overrides;
    private final CaseViews cases;

    public BatchesPage(ConsolePerson people, ConsoleAccess access, RegisteredBatches batches, JdbcPartnerDirectory partners, ReleaseCheck releaseCheck,
                       AuditTrail audit, CaseCoordinator cases) {
        this.people = people;
        this.access = access;
        this.batches = batches;
        this.partners = partners;
        this.releaseCheck = releaseCheck;
        this.overrides = new ReleaseOverride(audit);
        this.cases = cases.views();
    }

    @GetMapping("/console/batches")
    public String list(@RequestParam(required = false) String cmo, HttpServletRequest request, Model model) {
        people.require(request, Capability.SPONSOR_READ);
        List<PartnerId> all = partners.all();
        PartnerId chosen = cmo == null || cmo.isBlank() ? (all.isEmpty() ? null : all.get(0)) : partner(cmo);
        model.addAttribute("partners", all);
        model.addAttribute("cmo", chosen);
        model.addAttribute("batches", chosen == null ? List.of() : batches.batchesOf(chosen));
        return "console/batches";
    }

    @GetMapping("/console/batches/{product}/{batch}")
    public String detail(@PathVariable String product, @PathVariable String batch, HttpServletRequest request, Model model) {
        ConsoleUser user = people.require(request, Capability.SPONSOR_READ);
        RegisteredBatch found = find(product, batch);
        model.addAttribute("b", found);
        model.addAttribute("commissioned", RegisteredBatches.commissioned(found));
        model.addAttribute("openCases", cases.openCasesOf(found.product(), found.batchId()));
        model.addAttribute("mayCheck", user.can(Capability.RELEASE));
        model.addAttribute("mayAskHub", user.can(Capability.CASE_WORK));
        model.addAttribute("mayOverride", user.can(Capability.SIGNED_RELEASE));
        return "console/batch";
    }

    @PostMapping("/console/batches/{product}/{batch}/release-check")
    public String check(@PathVariable String product, @PathVariable String batch, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser user = people.require(request, Capability.RELEASE);
        RegisteredBatch found = find(product, batch);
        flash.addFlashAttribute("check", run(found, user));
        return "redirect:" + path(found);
    }

    @PostMapping("/console/batches/{product}/{batch}/release-override")
    public String override(@PathVariable String product, @PathVariable String batch, @RequestParam(required = false) String justification,
                           @RequestParam(required = false) String password, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser qp = people.require(request, Capability.SIGNED_RELEASE);
        RegisteredBatch found = find(product, batch);
        String why;
        try {
            why = ReleaseOverride.justification(justification);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:" + path(found);
        }
        ReleaseCheckResult now = run(found, qp); // the override is for what fails now, not for an older answer
        flash.addFlashAttribute("check", now);
        if (now.passes()) {
            flash.addFlashAttribute("notice", "The release check passes now: there is nothing to override.");
            return "redirect:" + path(found);
        }
        try {
            access.signed(request, password, new SignedRecord(ReleaseOverride.RECORD_TYPE, ReleaseOverride.recordId(found.product(), found.batchId()), "APPROVED"),
                    manifestation -> {
                        overrides.record(now, qp.actor(), why, manifestation);
                        return null;
                    });
        } catch (ConsoleRefusal refusal) {
            flash.addFlashAttribute("problem", refusal.getMessage() + "; nothing was overridden");
            return "redirect:" + path(found);
        }
        flash.addFlashAttribute("notice", "Release of " + found.batchId().value() + " approved despite the failed check, signed by " + qp.displayName() + ".");
        return "redirect:" + path(found);
    }

    private ReleaseCheckResult run(RegisteredBatch found, ConsoleUser user) {
        try {
            return releaseCheck.check(found.product(), found.batchId(), user.actor());
        } catch (io.cmohub.euhub.EuHubException e) {
            throw new ConsoleRefusal(503, "the EU Hub could not be asked, so the batch was not checked: " + e.getMessage());
        }
    }

    private RegisteredBatch find(String product, String batch) {
        try {
            return batches.find(ProductCode.of(product), BatchId.of(batch))
                    .orElseThrow(() -> new ConsoleRefusal(404, "no batch " + batch + " of " + product + " in the registry"));
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal(404, "no batch " + batch + " of " + product + ": " + e.getMessage());
        }
    }

    private static PartnerId partner(String cmo) {
        try {
            return PartnerId.of(cmo);
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal(404, "no CMO '" + cmo + "'");
        }
    }

    private static String path(RegisteredBatch batch) {
        return "/console/batches/" + batch.product().value() + "/" + batch.batchId().value();
    }
}
