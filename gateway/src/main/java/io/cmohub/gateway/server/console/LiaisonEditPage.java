package io.cmohub.gateway.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.SignedRecord;
import io.cmohub.console.pages.ConsolePerson;
import io.cmohub.coordination.liaison.Liaison;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.gateway.server.coordination.LiaisonJson;
import io.cmohub.model.value.PartnerId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing who answers for a CMO (SERIALIZATION_OPS, ADMIN), in the console: the register entry as the
 * YAML of the liaison seed (docs/alert-coordination.md §6), validated like the seed and the admin API, and
 * e-signed (record type {@code liaison}, meaning APPROVED); a save over someone else's change is refused.
 */
@Controller
@ConsolePage
@WithConsole
public class LiaisonEditPage {
    static final int MAX_CHARACTERS = 20_000;
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build()).build();

    private final ConsolePerson people;
    private final ConsoleAccess access;
    private final LiaisonRegister register;

    public LiaisonEditPage(ConsolePerson people, ConsoleAccess access, LiaisonRegister register) {
        this.people = people;
        this.access = access;
        this.register = register;
    }

    @GetMapping("/console/liaisons/{partner}/edit")
    public String edit(@PathVariable String partner, HttpServletRequest request, Model model) throws IOException {
        people.require(request, Capability.OPERATIONS);
        var held = register.findVersioned(partnerId(partner));
        model.addAttribute("partner", partner);
        model.addAttribute("version", held.map(LiaisonRegister.Versioned::version).orElse(0));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", held.map(h -> yaml(h.liaison())).orElse("partner: " + partner + "\nliaison: { name: , email: }\nchannels:\n"
                    + "  - { type: email, address: }\nresponseSlaBusinessHours: 16\npath: PARALLEL\ncalendar:\n  timeZone: Europe/Paris\n"
                    + "  workingDays: [MON, TUE, WED, THU, FRI]\n  hours: \"08:00-17:00\"\n  holidays: []\n"));
        }
        return "console/admin/liaison";
    }

    @PostMapping("/console/liaisons/{partner}")
    public String save(@PathVariable String partner, @RequestParam(required = false) String entry, @RequestParam(required = false) Integer version,
                       @RequestParam(required = false) String reason, @RequestParam(required = false) String password, HttpServletRequest request,
                       RedirectAttributes flash) {
        ConsoleUser person = people.require(request, Capability.OPERATIONS);
        String back = "redirect:/console/liaisons/" + partner + "/edit";
        Liaison liaison;
        try {
            if (entry == null || entry.isBlank() || entry.length() > MAX_CHARACTERS) {
                throw new IllegalArgumentException("write the register entry (YAML), at most " + MAX_CHARACTERS + " characters");
            }
            liaison = LiaisonJson.read(YAML.readTree(entry), partnerId(partner).value());
        } catch (IllegalArgumentException | IOException e) {
            flash.addFlashAttribute("problem", "The entry cannot be used: " + e.getMessage());
            flash.addFlashAttribute("draft", entry);
            return back;
        }
        Integer expected = version == null || version == 0 ? null : version;
        String why;
        try {
            why = AuditReason.of(reason, "changed in the console").text();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("draft", entry);
            return back;
        }
        try {
            access.signed(request, password, new SignedRecord("liaison", partner, "APPROVED"), manifestation -> {
                try {
                    return register.save(liaison, person.actor(), why + "; signed: " + manifestation, expected);
                } catch (LiaisonRegister.StaleVersionException e) {
                    throw new ConsoleRefusal(409, e.getMessage());
                }
            });
        } catch (ConsoleRefusal refusal) {
            flash.addFlashAttribute("problem", refusal.getMessage());
            flash.addFlashAttribute("draft", entry);
            return back;
        }
        flash.addFlashAttribute("notice", "The liaison of " + partner + " is saved and signed by " + person.displayName() + "; new notices go to "
                + liaison.liaison().name() + ".");
        return "redirect:/console/liaisons";
    }

    private static String yaml(Liaison liaison) {
        ObjectNode json = LiaisonJson.write(liaison, 0);
        json.remove("version");
        try {
            return YAML.writeValueAsString((JsonNode) json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PartnerId partnerId(String partner) {
        try {
            return PartnerId.of(partner);
        } catch (IllegalArgumentException e) {
            throw new ConsoleRefusal(404, "no partner '" + partner + "'");
        }
    }
}
