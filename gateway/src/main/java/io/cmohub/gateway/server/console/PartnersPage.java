package io.cmohub.gateway.server.console;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.SignedRecord;
import io.cmohub.console.pages.ConsolePerson;
import io.cmohub.gateway.server.partners.PartnerAdministration;
import io.cmohub.routes.partner.PartnerProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CMO partners in the console: every partner with its scope (products, sites, formats) and state (any
 * sponsor role); for an administrator, onboarding a new CMO (e-signed, its API key shown once), a new key,
 * and enabling or disabling it. The rules and audit rows are the admin API's ({@link PartnerAdministration}).
 */
@Controller
@ConsolePage
@WithConsole
public class PartnersPage {
    private final ConsolePerson people;
    private final ConsoleAccess access;
    private final PartnerAdministration administration;
    private final ConnectorCatalog connectors;

    public PartnersPage(ConsolePerson people, ConsoleAccess access, PartnerAdministration administration, ConnectorCatalog connectors) {
        this.people = people;
        this.access = access;
        this.administration = administration;
        this.connectors = connectors;
    }

    @GetMapping("/console/admin/partners")
    public String list(HttpServletRequest request, Model model) {
        ConsoleUser user = people.require(request, Capability.SPONSOR_READ);
        model.addAttribute("partners", administration.all());
        model.addAttribute("formats", connectors.formatIds());
        model.addAttribute("mayEdit", user.can(Capability.ADMINISTRATION));
        return "console/admin/partners";
    }

    /** Products and sites as typed: separated by commas, spaces or new lines. */
    @PostMapping("/console/admin/partners")
    public String create(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String products, @RequestParam(required = false) String sites,
                         @RequestParam(required = false) String format, @RequestParam(required = false) String filePattern,
                         @RequestParam(required = false) String password, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser admin = people.require(request, Capability.ADMINISTRATION);
        PartnerProfile profile;
        try {
            profile = administration.profile(id, name, true, words(products), words(sites), List.of(new PartnerProfile.PartnerFormat(
                    format == null ? "" : format, filePattern == null || filePattern.isBlank() ? "*" : filePattern.strip(), Map.of())));
        } catch (IllegalArgumentException | NullPointerException e) {
            flash.addFlashAttribute("problem", "A partner needs an id, products, sites and a format: " + e.getMessage());
            return "redirect:/console/admin/partners";
        }
        if (administration.find(profile.id().value()).isPresent()) {
            flash.addFlashAttribute("problem", "Partner " + profile.id().value() + " exists.");
            return "redirect:/console/admin/partners";
        }
        try {
            String key = access.signed(request, password, new SignedRecord("partner", profile.id().value(), "APPROVED"),
                    manifestation -> administration.create(profile, admin.actor(), "created in the console", manifestation));
            flash.addFlashAttribute("notice", "Partner " + profile.id().value() + " created. Its API key, shown only now: " + key
                    + " — give it to the CMO's integration team over a secure channel.");
        } catch (ConsoleRefusal refusal) {
            flash.addFlashAttribute("problem", refusal.getMessage() + "; nothing was created");
        }
        return "redirect:/console/admin/partners";
    }

    @PostMapping("/console/admin/partners/{partner}/api-key")
    public String rotate(@PathVariable String partner, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser admin = people.require(request, Capability.ADMINISTRATION);
        String key = administration.rotateKey(find(partner), admin.actor());
        flash.addFlashAttribute("notice", "New API key of " + partner + ", shown only now: " + key + " — the previous key no longer works.");
        return "redirect:/console/admin/partners";
    }

    @PostMapping("/console/admin/partners/{partner}/enabled")
    public String enabled(@PathVariable String partner, @RequestParam boolean enabled, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser admin = people.require(request, Capability.ADMINISTRATION);
        PartnerProfile before = find(partner);
        PartnerProfile after = new PartnerProfile(before.id(), before.name(), enabled, before.products(), before.sites(), before.formats());
        if (!after.equals(before)) {
            administration.change(before, after, admin.actor(), enabled ? "enabled in the console" : "disabled in the console", null);
        }
        flash.addFlashAttribute("notice", "Partner " + partner + (enabled ? " enabled." : " disabled: its key and its liaisons' sessions stop at once."));
        return "redirect:/console/admin/partners";
    }

    private PartnerProfile find(String partner) {
        return administration.find(partner).orElseThrow(() -> new ConsoleRefusal(404, "no partner " + partner));
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isBlank()).toList();
    }
}
