package io.cmohub.gateway.server.console;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.pages.ConsolePerson;
import io.cmohub.gateway.server.quarantine.QuarantineReplay;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Replay button of a quarantined document's console page (SERIALIZATION_OPS, ADMIN): the same replay as the API's. */
@Controller
@ConsolePage
@WithConsole
public class ReplayAction {
    private final ConsolePerson people;
    private final JdbcDocumentRegistry registry;
    private final QuarantineReplay replays;

    public ReplayAction(ConsolePerson people, JdbcDocumentRegistry registry, QuarantineReplay replays) {
        this.people = people;
        this.registry = registry;
        this.replays = replays;
    }

    @PostMapping("/console/documents/{documentId}/replay")
    public String replay(@PathVariable String documentId, HttpServletRequest request, RedirectAttributes flash) throws IOException {
        ConsoleUser user = people.require(request, Capability.OPERATIONS);
        DocumentRecord original = registry.find(documentId).filter(QuarantineReplay::quarantined)
                .orElseThrow(() -> new ConsoleRefusal(404, "no quarantined document " + documentId));
        DocumentRecord replayed = replays.replay(original, user.actor());
        flash.addFlashAttribute("notice", "Replayed as document " + replayed.documentId() + ".");
        return "redirect:/console/documents/" + replayed.documentId();
    }
}
