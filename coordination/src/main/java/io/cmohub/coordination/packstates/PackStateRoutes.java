package io.cmohub.coordination.packstates;

import java.util.Objects;
import org.apache.camel.builder.RouteBuilder;

/**
 * The background work of pack-state queries, for hosts that run coordination in a Camel context:
 * <ul>
 *   <li>{@code cmohub-pack-state-queries}: asks the Hub the packs of due queries every
 *       {@code {{cmohub.eu-hub.pack-state-queries.period:1s}}}, and at once after a query was submitted;</li>
 *   <li>{@code cmohub-pack-state-sweeps}: starts the scheduled checks every
 *       {@code {{cmohub.eu-hub.pack-state-sweeps.period:1h}}} (each batch is swept at most once per
 *       sweep period, see {@link PackStateSweeps.Settings#period()}), unless
 *       {@code cmohub.eu-hub.pack-state-sweeps.enabled} is false.</li>
 * </ul>
 * Every node may run both: queries are leased, and a batch swept lately is not swept again.
 */
public final class PackStateRoutes extends RouteBuilder {
    /** Coalescing wake-up: one pending wake-up is enough. */
    static final String NOW = "seda:cmohub-pack-state-queries-now?size=1&blockWhenFull=false&discardWhenFull=true";

    private final HubPackStates packStates;

    public PackStateRoutes(HubPackStates packStates) {
        this.packStates = Objects.requireNonNull(packStates, "packStates");
    }

    @Override
    public void configure() {
        packStates.queries().onSubmitted(() -> getContext().createProducerTemplate().sendBody(NOW, "wake"));
        from("timer:cmohub-pack-state-queries?period={{cmohub.eu-hub.pack-state-queries.period:1s}}&delay=2s").routeId("cmohub-pack-state-queries")
                .process(exchange -> packStates.runner().runDue());
        from(NOW).routeId("cmohub-pack-state-queries-now")
                .process(exchange -> packStates.runner().runDue());
        boolean sweeps = getContext().getPropertiesComponent().resolveProperty("cmohub.eu-hub.pack-state-sweeps.enabled").map(Boolean::parseBoolean)
                .orElse(true);
        if (sweeps) {
            from("timer:cmohub-pack-state-sweeps?period={{cmohub.eu-hub.pack-state-sweeps.period:1h}}&delay=60s").routeId("cmohub-pack-state-sweeps")
                    .process(exchange -> packStates.sweeps().schedule());
        }
    }
}
