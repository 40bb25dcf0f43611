package io.cmohub.coordination.packstates;

import java.time.Duration;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The background work of pack-state queries, for hosts that run coordination in a Camel context:
 * <ul>
 *   <li>{@code cmohub-pack-state-queries}: asks the Hub the packs of due queries every {@code queryPeriod},
 *       and at once after a query was submitted;</li>
 *   <li>{@code cmohub-pack-state-sweeps}, unless switched off: starts the scheduled checks every
 *       {@code sweepPeriod} (each batch is checked at most once per sweep interval, see
 *       {@link PackStateSweeps.Settings#period()}).</li>
 * </ul>
 * Every node may run both: queries are leased, and a batch checked lately is not checked again.
 */
public final class PackStateRoutes extends RouteBuilder {
    /** Coalescing wake-up: one pending wake-up is enough. */
    static final String NOW = "seda:cmohub-pack-state-queries-now?size=1&blockWhenFull=false&discardWhenFull=true";

    private final HubPackStates packStates;
    private final Duration queryPeriod;
    private final Duration sweepPeriod;
    private final boolean sweeps;

    public PackStateRoutes(HubPackStates packStates, Duration queryPeriod, Duration sweepPeriod, boolean sweeps) {
        this.packStates = Objects.requireNonNull(packStates, "packStates");
        this.queryPeriod = Objects.requireNonNull(queryPeriod, "queryPeriod");
        this.sweepPeriod = Objects.requireNonNull(sweepPeriod, "sweepPeriod");
        this.sweeps = sweeps;
    }

    @Override
    public void configure() {
        ProducerTemplate wake = getContext().createProducerTemplate();
        packStates.queries().onSubmitted(() -> wake.sendBody(NOW, "wake"));
        // When the host stops, the runner finishes the chunk in hand and gives its query back, instead of
        // holding the route (and the shutdown) until a query of 100,000 packs is done.
        getContext().addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                packStates.runner().stop();
            }
        });
        from("timer:cmohub-pack-state-queries?period=" + queryPeriod.toMillis() + "&delay=2000").routeId("cmohub-pack-state-queries")
                .process(exchange -> packStates.runner().runDue());
        from(NOW).routeId("cmohub-pack-state-queries-now")
                .process(exchange -> packStates.runner().runDue());
        if (sweeps) {
            from("timer:cmohub-pack-state-sweeps?period=" + sweepPeriod.toMillis() + "&delay=60000").routeId("cmohub-pack-state-sweeps")
                    .process(exchange -> packStates.sweeps().schedule());
        }
    }
}
