package io.cmohub.gateway.server.console;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.pages.ConsolePerson;
import io.cmohub.gateway.server.broker.DeadLetters;
import io.cmohub.gateway.server.broker.DispatchDeadLetters;
import io.cmohub.gateway.server.broker.EmbeddedBrokerSettings;
import io.cmohub.gateway.server.wiring.OutboundConfiguration;
import io.cmohub.gateway.server.wiring.OutboundProperties;
import io.cmohub.gateway.server.wiring.StartupTasks;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outbound routes and dead letters (ADMIN): each route to a sponsor system with its target and how many events
 * wait in its dead-letter queue, replayed once the receiver is fixed; and the hub's own dead letters (documents
 * whose processing failed on every delivery), dispatched again once the cause is gone. Same actions and audit
 * rows as {@code /api/v1/admin/outbound/…} and {@code /api/v1/admin/dead-letters}.
 */
@Controller
@ConsolePage
@WithConsole
public class DeadLettersPage {
    private final ConsolePerson people;
    private final OutboundProperties outbound;
    private final DeadLetters deadLetters;
    private final DispatchDeadLetters dispatchDeadLetters;
    private final StartupTasks.Dispatcher dispatcher;
    private final AuditTrail audit;

    public DeadLettersPage(ConsolePerson people, OutboundProperties outbound, ConnectionFactory connectionFactory, JdbcDocumentRegistry registry,
                           StartupTasks.Dispatcher dispatcher, AuditTrail audit) {
        this.people = people;
        this.outbound = outbound;
        // not the caching factory: it would keep prefetched messages of the browser and consumer after close
        this.deadLetters = new DeadLetters(OutboundConfiguration.artemis(connectionFactory));
        this.dispatchDeadLetters = new DispatchDeadLetters(OutboundConfiguration.artemis(connectionFactory), registry);
        this.dispatcher = dispatcher;
        this.audit = audit;
    }

    @GetMapping("/console/admin/dead-letters")
    public String page(HttpServletRequest request, Model model) throws JMSException {
        people.require(request, Capability.ADMINISTRATION);
        List<Map<String, Object>> routes = new ArrayList<>();
        for (OutboundProperties.Route route : outbound.getRoutes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", route.getName());
            row.put("kind", route.getKind());
            row.put("destination", route.getDestination());
            row.put("eventTypes", route.getEventTypes());
            row.put("deadLetters", deadLetters.count(route.getName()));
            routes.add(row);
        }
        model.addAttribute("routes", routes);
        model.addAttribute("hubDeadLetters", dispatchDeadLetters.list(200));
        return "console/admin/dead-letters";
    }

    @PostMapping("/console/admin/dead-letters/routes/{route}/replay")
    public String replayRoute(@PathVariable String route, HttpServletRequest request, RedirectAttributes flash) throws JMSException {
        ConsoleUser admin = people.require(request, Capability.ADMINISTRATION);
        if (outbound.getRoutes().stream().noneMatch(r -> r.getName().equals(route))) {
            throw new ConsoleRefusal(404, "no outbound route '" + route + "'");
        }
        int moved = deadLetters.replay(route);
        audit.record(AuditEvent.success(admin.actor(), "REPLAY").on("outbound-route", route).details("events=" + moved));
        flash.addFlashAttribute("notice", moved + " event(s) of route " + route + " sent again.");
        return "redirect:/console/admin/dead-letters";
    }

    @PostMapping("/console/admin/dead-letters/hub/replay")
    public String replayHub(HttpServletRequest request, RedirectAttributes flash) throws JMSException {
        ConsoleUser admin = people.require(request, Capability.ADMINISTRATION);
        var replay = dispatchDeadLetters.replay(dispatcher::dispatch);
        audit.record(AuditEvent.success(admin.actor(), "REPLAY").on("queue", EmbeddedBrokerSettings.DEAD_LETTER_ADDRESS)
                .details("dispatched=" + replay.dispatched() + " alreadyFinished=" + replay.alreadyFinished() + " kept=" + replay.kept()));
        flash.addFlashAttribute("notice", replay.dispatched() + " document(s) dispatched again, " + replay.alreadyFinished() + " already finished, "
                + replay.kept() + " kept.");
        return "redirect:/console/admin/dead-letters";
    }
}
