package io.cmohub.gateway.server.console;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.SignedRecord;
import io.cmohub.console.pages.ConsolePerson;
import io.cmohub.gateway.server.mappings.FormatListing;
import io.cmohub.gateway.server.mappings.JdbcMappings;
import io.cmohub.gateway.server.mappings.SavableFormat;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Formats and mapping files in the console: every format with its source and version (any sponsor role), a
 * saved mapping's text and versions, and — for an administrator — saving a new version, validated with line
 * numbers first and e-signed (the same rules and store as {@code PUT /api/v1/admin/mappings/{id}}).
 */
@Controller
@ConsolePage
@WithConsole
public class MappingsPage {
    static final int MAX_CHARACTERS = 256 * 1024;

    private final ConsolePerson people;
    private final ConsoleAccess access;
    private final JdbcMappings mappings;
    private final ConnectorCatalog connectors;

    public MappingsPage(ConsolePerson people, ConsoleAccess access, JdbcMappings mappings, ConnectorCatalog connectors) {
        this.people = people;
        this.access = access;
        this.mappings = mappings;
        this.connectors = connectors;
    }

    @GetMapping("/console/admin/mappings")
    public String list(HttpServletRequest request, Model model) {
        ConsoleUser user = people.require(request, Capability.SPONSOR_READ);
        model.addAttribute("formats", FormatListing.of(connectors, mappings));
        model.addAttribute("mayEdit", user.can(Capability.ADMINISTRATION));
        return "console/admin/mappings";
    }

    /** The "new mapping" form's target: the page of the format id typed in. */
    @GetMapping("/console/admin/mappings/new")
    public String newMapping(@RequestParam(required = false) String id, HttpServletRequest request) {
        people.require(request, Capability.ADMINISTRATION);
        try {
            SavableFormat.check(id, connectors);
        } catch (SavableFormat.Invalid | SavableFormat.Fixed e) {
            throw new ConsoleRefusal(e instanceof SavableFormat.Invalid ? 400 : 409, e.getMessage());
        }
        return "redirect:/console/admin/mappings/" + id;
    }

    @GetMapping("/console/admin/mappings/{formatId}")
    public String mapping(@PathVariable String formatId, @RequestParam(required = false) Integer version, HttpServletRequest request, Model model) {
        ConsoleUser user = people.require(request, Capability.SPONSOR_READ);
        model.addAttribute("formatId", formatId);
        model.addAttribute("shown", (version == null ? mappings.latest(formatId) : mappings.version(formatId, version)).orElse(null));
        model.addAttribute("versions", mappings.history(formatId));
        model.addAttribute("mayEdit", user.can(Capability.ADMINISTRATION) && connectors.findFixed(formatId).isEmpty());
        return "console/admin/mapping";
    }

    @PostMapping("/console/admin/mappings/{formatId}")
    public String save(@PathVariable String formatId, @RequestParam(required = false) String definition, @RequestParam(required = false) String reason,
                       @RequestParam(required = false) Integer expectedVersion, @RequestParam(required = false) String password,
                       HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser admin = people.require(request, Capability.ADMINISTRATION);
        String back = "redirect:/console/admin/mappings/" + formatId;
        try {
            SavableFormat.check(formatId, connectors);
        } catch (SavableFormat.Invalid | SavableFormat.Fixed e) {
            throw new ConsoleRefusal(e instanceof SavableFormat.Invalid ? 400 : 409, e.getMessage());
        }
        String text = definition == null ? "" : definition.replace("\r\n", "\n"); // a browser's textarea sends CRLF
        if (text.isBlank() || text.length() > MAX_CHARACTERS) {
            flash.addFlashAttribute("problem", "Paste the mapping file (YAML), at most " + MAX_CHARACTERS + " characters.");
            return back;
        }
        String why;
        try {
            why = AuditReason.of(reason, "saved in the console").text();
            mappings.validate(formatId, text); // a wrong file spends no signature
        } catch (InvalidMappingException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("draft", text);
            return back;
        }
        try {
            var saved = access.signed(request, password, new SignedRecord("mapping", formatId, "APPROVED"),
                    manifestation -> mappings.save(formatId, text, expectedVersion, admin.actor(),
                            why, manifestation));
            flash.addFlashAttribute("notice", "Mapping " + formatId + " version " + saved.version() + " saved and signed by " + admin.displayName()
                    + "; documents in this format are read with it from now on.");
        } catch (ConsoleRefusal | JdbcMappings.StaleVersionException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("draft", text);
        }
        return back;
    }
}
