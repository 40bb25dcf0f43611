package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.gateway.server.broker.DeadLetters;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.audit.AuditVerification;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin endpoints. */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminController {
    private final AuditTrail audit;
    private final Access access;
    private final DeadLetters deadLetters;
    private final java.util.Set<String> routes;
    private final io.cmohub.gateway.server.broker.DispatchDeadLetters dispatchDeadLetters;
    private final io.cmohub.gateway.server.wiring.StartupTasks.Dispatcher dispatcher;

    /** The hub's own dead letters (cmohub.dlq): dispatch messages that failed on every delivery, with their document's status. */
    @Authorised(AccessRule.ADMINISTRATION)
    @GetMapping("/dead-letters")
    public java.util.List<io.cmohub.gateway.server.broker.DispatchDeadLetters.DeadLetter> hubDeadLetters(
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit, HttpServletRequest request) throws jakarta.jms.JMSException {
        access.requireAdmin(request);
        return dispatchDeadLetters.list(Math.max(1, Math.min(limit, 1000)));
    }

    /** Dispatches every unfinished document of cmohub.dlq again (once the database is back) and removes the messages of finished ones. */
    @Authorised(AccessRule.ADMINISTRATION)
    @org.springframework.web.bind.annotation.PostMapping("/dead-letters/replay")
    public io.cmohub.gateway.server.broker.DispatchDeadLetters.Replay replayHubDeadLetters(HttpServletRequest request) throws jakarta.jms.JMSException {
        var admin = access.requireAdmin(request);
        var replay = dispatchDeadLetters.replay(dispatcher::dispatch);
        audit.record(AuditEvent.success(admin.actor(), "REPLAY").on("queue", io.cmohub.gateway.server.broker.EmbeddedBrokerSettings.DEAD_LETTER_ADDRESS)
                .details("dispatched=" + replay.dispatched() + " alreadyFinished=" + replay.alreadyFinished() + " kept=" + replay.kept()));
        return replay;
    }

    public AdminController(AuditTrail audit, Access access, jakarta.jms.ConnectionFactory connectionFactory,
                           io.cmohub.gateway.server.wiring.OutboundProperties outbound, io.cmohub.routes.store.JdbcDocumentRegistry registry,
                           io.cmohub.gateway.server.wiring.StartupTasks.Dispatcher dispatcher) {
        this.audit = audit;
        this.dispatcher = dispatcher;
        this.dispatchDeadLetters = new io.cmohub.gateway.server.broker.DispatchDeadLetters(
                io.cmohub.gateway.server.wiring.OutboundConfiguration.artemis(connectionFactory), registry);
        this.access = access;
        // Not the caching factory: it would keep the browser's and consumer's prefetched messages after close.
        this.deadLetters = new DeadLetters(io.cmohub.gateway.server.wiring.OutboundConfiguration.artemis(connectionFactory));
        this.routes = outbound.getRoutes().stream().map(io.cmohub.gateway.server.wiring.OutboundProperties.Route::getName)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** How many events wait in an outbound route's dead-letter queue. */
    @Authorised(AccessRule.ADMINISTRATION)
    @GetMapping("/outbound/{route}/dead-letters")
    public java.util.Map<String, Object> deadLetters(@org.springframework.web.bind.annotation.PathVariable String route, HttpServletRequest request)
            throws jakarta.jms.JMSException {
        access.requireAdmin(request);
        return java.util.Map.of("route", known(route), "deadLetters", deadLetters.count(route));
    }

    /** Sends every dead-lettered event of a route through the route again (after the receiver is fixed). */
    @Authorised(AccessRule.ADMINISTRATION)
    @org.springframework.web.bind.annotation.PostMapping("/outbound/{route}/replay")
    public java.util.Map<String, Object> replay(@org.springframework.web.bind.annotation.PathVariable String route, HttpServletRequest request)
            throws jakarta.jms.JMSException {
        var admin = access.requireAdmin(request);
        int moved = deadLetters.replay(known(route));
        audit.record(AuditEvent.success(admin.actor(), "REPLAY").on("outbound-route", route).details("events=" + moved));
        return java.util.Map.of("route", route, "replayed", moved);
    }

    private String known(String route) {
        if (!routes.contains(route)) {
            throw new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "no outbound route '" + route + "'");
        }
        return route;
    }

    /** Checks the audit trail's hash chain and reports the first edited, deleted or missing row. */
    @Authorised(AccessRule.AUDIT_REVIEW)
    @GetMapping("/audit/verification")
    public AuditVerification verifyAudit(HttpServletRequest request) {
        access.requireRoles(request, Role.AUDIT_REVIEW);
        return audit.verify();
    }
}
