package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.coordination.liaison.LiaisonRegister;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The liaison register: who answers for each CMO, their backup, channels, response SLA, alert path and business calendar. */
@Controller
@ConsolePage
public class LiaisonsPage {
    private final ConsolePerson people;
    private final LiaisonRegister register;

    public LiaisonsPage(ConsolePerson people, LiaisonRegister register) {
        this.people = people;
        this.register = register;
    }

    @GetMapping("/console/liaisons")
    public String list(HttpServletRequest request, Model model) {
        people.require(request, Capability.SPONSOR_READ);
        model.addAttribute("liaisons", register.list());
        return "console/liaisons";
    }
}
