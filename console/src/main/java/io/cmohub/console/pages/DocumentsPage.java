package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Documents and quarantine: counts per partner and state, the latest documents, and for one document every
 * rejected record's location, field and reason. A sponsor person sees every partner; a CMO liaison sees
 * only its own partner's (the self-service page: the CMO fixes its export without an e-mail chase).
 */
@Controller
@ConsolePage
public class DocumentsPage {
    static final int MAX_ROWS = 200;

    private final ConsolePerson people;
    private final JdbcDocumentRegistry registry;

    public DocumentsPage(ConsolePerson people, JdbcDocumentRegistry registry) {
        this.people = people;
        this.registry = registry;
    }

    @GetMapping({"/console/documents", "/console/portal/documents"})
    public String list(@RequestParam(required = false) String partner, @RequestParam(required = false) String status, HttpServletRequest request,
                       Model model) {
        ConsoleUser user = reader(request);
        String visible = user.isLiaison() ? user.partner() : blankToNull(partner);
        DocumentState state;
        try {
            state = status == null || status.isBlank() ? null : DocumentState.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal(400, "no document state '" + status + "'; the states are RECEIVED, PROCESSING, ACCEPTED, PARTIALLY_ACCEPTED, REJECTED");
        }
        model.addAttribute("partner", visible);
        model.addAttribute("status", state);
        model.addAttribute("states", DocumentState.values());
        model.addAttribute("counts", registry.countsByState(visible));
        model.addAttribute("documents", registry.recent(visible, state, MAX_ROWS));
        model.addAttribute("maxRows", MAX_ROWS);
        return "console/documents";
    }

    @GetMapping({"/console/documents/{documentId}", "/console/portal/documents/{documentId}"})
    public String detail(@PathVariable String documentId, HttpServletRequest request, Model model) {
        ConsoleUser user = reader(request);
        DocumentRecord document = registry.find(documentId)
                .filter(d -> !user.isLiaison() || user.partner().equals(d.partner())) // another CMO's document does not exist for a liaison
                .orElseThrow(() -> new ConsoleRefusal(404, "no document " + documentId));
        model.addAttribute("d", document);
        model.addAttribute("errors", registry.errors(documentId));
        model.addAttribute("notices", registry.notices(documentId));
        return "console/document";
    }

    private ConsoleUser reader(HttpServletRequest request) {
        return people.require(request, capabilityOf(request));
    }

    /** Sponsor pages under /console/documents, the liaison's under /console/portal/documents; an account reaches only its own kind. */
    private static Capability capabilityOf(HttpServletRequest request) {
        return request.getRequestURI().contains("/console/portal/") ? Capability.LIAISON : Capability.SPONSOR_READ;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
