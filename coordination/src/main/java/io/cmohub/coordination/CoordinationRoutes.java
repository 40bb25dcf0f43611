package io.cmohub.coordination;

import io.cmohub.model.event.CanonicalEventReader;
import io.cmohub.coordination.outbox.OutboxDelivery;
import io.cmohub.coordination.sla.SlaSweeper;
import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * Camel routes of alert coordination, for hosts that run it in a Camel context:
 * <ul>
 *   <li>{@code cmohub-coordination-events}: consumes canonical CloudEvents (JSON) from
 *       {@code {{cmohub.coordination.events.uri}}} (e.g. a JMS queue subscribed to the batch,
 *       packaging-run, serialisation-event, upload-rejection and alert topics) into
 *       {@link CoordinationEvents}; a failure is thrown back to the endpoint, whose redelivery
 *       (a transacted JMS consumer) retries it;</li>
 *   <li>{@code cmohub-coordination-sla}: sweeps the SLA clocks every
 *       {@code {{cmohub.coordination.sweep-period:30s}}};</li>
 *   <li>{@code cmohub-coordination-outbox}: delivers due outbox messages every
 *       {@code {{cmohub.coordination.outbox-period:1s}}}, so an evidence request reaches the liaison
 *       about a second after its case opens (one indexed query per tick).</li>
 * </ul>
 * Every node may run all three: clocks fire once and outbox messages are leased.
 */
public final class CoordinationRoutes extends RouteBuilder {
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
        CanonicalEventReader reader = new CanonicalEventReader();
        from("{{cmohub.coordination.events.uri}}").routeId("cmohub-coordination-events")
                .process(exchange -> {
                    var json = io.cmohub.model.codec.CanonicalJson.mapper().readTree(exchange.getMessage().getBody(String.class));
                    exchange.getMessage().setHeader("CmoHubCoordinationEffect", events.accept(reader.read(json)).name());
                });
        from("timer:cmohub-coordination-sla?period={{cmohub.coordination.sweep-period:30s}}&delay=5s").routeId("cmohub-coordination-sla")
                .process(exchange -> sweeper.sweep());
        from("timer:cmohub-coordination-outbox?period={{cmohub.coordination.outbox-period:1s}}&delay=5s").routeId("cmohub-coordination-outbox")
                .process(exchange -> outbox.deliverDue());
    }
}
