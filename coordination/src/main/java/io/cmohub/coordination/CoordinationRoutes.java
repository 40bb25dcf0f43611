package io.cmohub.coordination;

import io.cmohub.coordination.outbox.OutboxDelivery;
import io.cmohub.coordination.sla.SlaSweeper;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Camel routes of alert coordination, for hosts that run it in a Camel context:
 * <ul>
 *   <li>{@code cmohub-coordination-events}, when {@code {{cmohub.coordination.events.uri}}} is set:
 *       consumes canonical CloudEvents (JSON) from it (e.g. a JMS queue subscribed to the batch,
 *       packaging-run and serialisation-event topics, and to the alert topics unless they have a
 *       route of their own) into {@link CoordinationEvents}; a failure is thrown back to the
 *       endpoint, whose redelivery (a transacted JMS consumer) retries it. (The standalone gateway
 *       reads its registry queue with a consumer of its own that commits events in groups.)</li>
 *   <li>{@code cmohub-coordination-alerts}, when {@code {{cmohub.coordination.events.alerts-uri}}}
 *       is set: the same for alerts and upload rejections, on an endpoint and consumers of their own,
 *       so that an alert never waits behind a CMO's bulk upload on the first endpoint;</li>
 *   <li>{@code cmohub-coordination-sla}: sweeps the SLA clocks every
 *       {@code {{cmohub.coordination.sweep-period:30s}}};</li>
 *   <li>{@code cmohub-coordination-outbox}: delivers due outbox messages every
 *       {@code {{cmohub.coordination.outbox-period:1s}}}, and at once after an event opened or
 *       changed a case, so an evidence request leaves as soon as its case committed.</li>
 * </ul>
 * Every node may run all of them: clocks fire once and outbox messages are leased.
 */
public final class CoordinationRoutes extends RouteBuilder {
    public static final String EVENTS_URI_PROPERTY = "cmohub.coordination.events.uri";
    public static final String ALERTS_URI_PROPERTY = "cmohub.coordination.events.alerts-uri";
    /** Coalescing wake-up of the outbox: one pending wake-up is enough, more are dropped. */
    private static final String OUTBOX_NOW = "seda:cmohub-coordination-outbox-now?size=1&blockWhenFull=false&discardWhenFull=true";

    private final CoordinationEvents events;
    private final SlaSweeper sweeper;
    private final OutboxDelivery outbox;

    public CoordinationRoutes(CoordinationEvents events, SlaSweeper sweeper, OutboxDelivery outbox) {
        this.events = Objects.requireNonNull(events, "events");
        this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public void configure() {
        Processor accept = exchange -> exchange.getMessage().setHeader(EFFECT_HEADER,
                events.acceptCloudEvent(exchange.getMessage().getBody(String.class)).name());
        Optional<String> all = configuredUri(EVENTS_URI_PROPERTY);
        if (all.isPresent()) {
            from(all.get()).routeId("cmohub-coordination-events")
                    .process(accept)
                    .filter(header(EFFECT_HEADER).isEqualTo(CoordinationEvents.Effect.CASE.name())).to(OUTBOX_NOW);
        }
        Optional<String> alerts = configuredUri(ALERTS_URI_PROPERTY);
        if (alerts.isPresent()) {
            from(alerts.get()).routeId("cmohub-coordination-alerts")
                    .process(accept)
                    .filter(header(EFFECT_HEADER).isEqualTo(CoordinationEvents.Effect.CASE.name())).to(OUTBOX_NOW);
        }
        from("timer:cmohub-coordination-sla?period={{cmohub.coordination.sweep-period:30s}}&delay=5s").routeId("cmohub-coordination-sla")
                .process(exchange -> sweeper.sweep());
        from("timer:cmohub-coordination-outbox?period={{cmohub.coordination.outbox-period:1s}}&delay=5s").routeId("cmohub-coordination-outbox")
                .process(exchange -> outbox.deliverDue());
        from(OUTBOX_NOW).routeId("cmohub-coordination-outbox-now")
                .process(exchange -> outbox.deliverDue());
    }

    private Optional<String> configuredUri(String property) {
        return getContext().getPropertiesComponent().resolveProperty(property).filter(uri -> !uri.isBlank());
    }

    /** What the event did ({@link CoordinationEvents.Effect}), on the exchange for logs and tests. */
    public static final String EFFECT_HEADER = "CmoHubCoordinationEffect";
}
