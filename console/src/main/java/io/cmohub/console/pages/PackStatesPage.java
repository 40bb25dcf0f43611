package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.coordination.packstates.HubPackStates;
import io.cmohub.coordination.packstates.PackAnswerRows.ResultRow;
import io.cmohub.coordination.packstates.PackStateQueryRejectedException;
import io.cmohub.coordination.packstates.PackStateQueryRequest;
import io.cmohub.coordination.packstates.PackStateQueryStatus;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * EU Hub pack-state queries in the console: ask the Hub for a list of packs (pasted as CSV) or for every
 * registered serial of a batch, follow a query's progress and page through its answers. Asking is case
 * work (SERIALIZATION_OPS, QA, ADMIN); any sponsor role may read. The same service as
 * {@code /api/v1/eu-hub/pack-state-queries}: every answer is also published as a PackState event.
 */
@Controller
@io.cmohub.console.ConsolePage
public class PackStatesPage {
    static final int PAGE = 100;

    private final ConsolePerson people;
    private final HubPackStates packStates;
    private final AuditTrail audit;
    private final Clock clock;

    public PackStatesPage(ConsolePerson people, HubPackStates packStates, AuditTrail audit, Clock clock) {
        this.people = people;
        this.packStates = packStates;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/pack-states")
    public String list(HttpServletRequest request, Model model) {
        ConsoleUser user = people.require(request, Capability.SPONSOR_READ);
        model.addAttribute("queries", packStates.queries().latest(50));
        model.addAttribute("mayAsk", user.can(Capability.CASE_WORK));
        model.addAttribute("maxPacks", packStates.parser().maxPacks());
        model.addAttribute("now", clock.instant());
        return "console/pack-states";
    }

    /** Packs pasted as CSV ({@code product,serial[,market]}), or a batch ({@code product} and {@code batch}); {@code market} is optional. */
    @PostMapping("/console/pack-states")
    public String ask(@RequestParam(required = false) String csv, @RequestParam(required = false) String product,
                      @RequestParam(required = false) String batch, @RequestParam(required = false) String market, HttpServletRequest request,
                      RedirectAttributes flash) {
        ConsoleUser user = people.require(request, Capability.CASE_WORK);
        PackStateQueryStatus status;
        try {
            Market forAll = market == null || market.isBlank() ? null : Market.of(market.strip());
            PackStateQueryRequest query = batch != null && !batch.isBlank()
                    ? PackStateQueryRequest.ofBatch(ProductCode.of(product == null ? "" : product.strip()), BatchId.of(batch.strip()), forAll)
                    : packStates.parser().parseCsv(new StringReader(csv == null ? "" : csv), forAll);
            status = packStates.queries().submit(query, user.actor());
        } catch (PackStateQueryRejectedException e) {
            return refused(user, String.join("; ", e.reasons()), flash);
        } catch (InvalidValueException e) {
            return refused(user, e.getMessage(), flash);
        }
        flash.addFlashAttribute("notice", "Query " + status.queryId() + " of " + status.asked() + " packs is being asked; its answers are also "
                + "published as PackState events.");
        return "redirect:/console/pack-states/" + status.queryId();
    }

    private String refused(ConsoleUser user, String reasons, RedirectAttributes flash) {
        audit.record(AuditEvent.denied(user.actor(), "PACK_STATE_QUERY_REFUSED").on("endpoint", "/console/pack-states")
                .because(reasons.length() <= 1000 ? reasons : reasons.substring(0, 997) + "..."));
        flash.addFlashAttribute("problem", "The query was not accepted: " + reasons);
        return "redirect:/console/pack-states";
    }

    @GetMapping("/console/pack-states/{queryId}")
    public String detail(@PathVariable String queryId, @RequestParam(defaultValue = "0") int offset, HttpServletRequest request, Model model) {
        people.require(request, Capability.SPONSOR_READ);
        PackStateQueryStatus query = packStates.queries().find(queryId)
                .orElseThrow(() -> new ConsoleRefusal(404, "no pack-state query " + queryId));
        int from = Math.max(0, offset);
        List<ResultRow> rows = packStates.queries().page(queryId, from, PAGE);
        model.addAttribute("q", query);
        model.addAttribute("counts", packStates.queries().counts(queryId));
        model.addAttribute("rows", rows);
        model.addAttribute("offset", from);
        model.addAttribute("previous", from >= PAGE ? from - PAGE : -1);
        model.addAttribute("next", from + PAGE < query.asked() ? from + PAGE : -1);
        model.addAttribute("rate", Math.round(query.packsPerSecond(clock.instant())));
        return "console/pack-state";
    }
}
