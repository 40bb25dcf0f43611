package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleUser;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.EvidenceAnswer;
import io.cmohub.coordination.cases.EvidenceFile;
import io.cmohub.coordination.cases.NotYourRequestException;
import io.cmohub.coordination.cases.StoredAnswer;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.model.EvidenceItem;
import io.cmohub.model.EvidenceRequest;
import io.cmohub.model.value.PartnerId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CMO liaison's portal: the partner's open evidence requests with their items and due time in the
 * liaison's time zone, and per item an answer and files; what was sent is listed under each request.
 */
@Controller
@ConsolePage
public class PortalPage {
    private final ConsolePerson people;
    private final CaseCoordinator cases;
    private final LiaisonRegister liaisons;

    public PortalPage(ConsolePerson people, CaseCoordinator cases, LiaisonRegister liaisons) {
        this.people = people;
        this.cases = cases;
        this.liaisons = liaisons;
    }

    @GetMapping("/console/portal")
    public String requests(HttpServletRequest request, Model model) {
        ConsoleUser user = people.require(request, Capability.LIAISON);
        PartnerId partner = PartnerId.of(user.partner());
        Map<EvidenceRequest, List<StoredAnswer>> open = new LinkedHashMap<>();
        cases.views().openRequestsOf(partner).forEach(r -> open.put(r, cases.views().answers(r.requestId())));
        model.addAttribute("requests", open);
        Map<EvidenceRequest, List<StoredAnswer>> settled = new LinkedHashMap<>();
        cases.views().settledRequestsOf(partner, 20).forEach(r -> settled.put(r, cases.views().answers(r.requestId())));
        model.addAttribute("settled", settled);
        model.addAttribute("zone", liaisons.find(partner).map(Liaison::calendar).map(c -> c.zone()).orElse(ZoneId.of("UTC")));
        return "console/portal";
    }

    /** One multipart form per request: {@code answer.<ITEM>} texts and {@code file.<ITEM>} files. */
    @PostMapping("/console/portal/requests/{requestId}")
    public String answer(@PathVariable String requestId, HttpServletRequest request, RedirectAttributes flash) throws IOException {
        ConsoleUser user = people.require(request, Capability.LIAISON);
        EvidenceRequest wanted = cases.views().request(requestId).filter(r -> r.partner().value().equals(user.partner())).orElse(null);
        if (wanted == null || !(request instanceof MultipartHttpServletRequest multipart)) {
            flash.addFlashAttribute("problem", "No open evidence request " + requestId + " of your partner.");
            return "redirect:/console/portal";
        }
        List<InputStream> opened = new ArrayList<>();
        try {
            List<EvidenceAnswer> answers = new ArrayList<>();
            for (EvidenceItem item : wanted.items()) {
                String text = multipart.getParameter("answer." + item.code());
                List<EvidenceFile> files = new ArrayList<>();
                for (MultipartFile file : multipart.getFiles("file." + item.code())) {
                    if (file.isEmpty()) {
                        continue; // a file input left empty by the browser
                    }
                    InputStream in = file.getInputStream();
                    opened.add(in);
                    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? item.code() : file.getOriginalFilename();
                    files.add(new EvidenceFile(name, in));
                }
                if ((text != null && !text.isBlank()) || !files.isEmpty()) {
                    answers.add(new EvidenceAnswer(item.code(), text == null || text.isBlank() ? null : text, files));
                }
            }
            if (answers.isEmpty()) {
                flash.addFlashAttribute("problem", "Nothing to send: write an answer or choose a file for at least one item of " + requestId + ".");
                return "redirect:/console/portal";
            }
            EvidenceRequest answered = cases.respond(requestId, PartnerId.of(user.partner()), answers, user.actor());
            flash.addFlashAttribute("notice", "Sent " + answers.size() + " answer(s) for " + requestId + "; the request is now " + answered.status() + ".");
        } catch (NotYourRequestException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        } finally {
            for (InputStream in : opened) {
                in.close();
            }
        }
        return "redirect:/console/portal";
    }
}
