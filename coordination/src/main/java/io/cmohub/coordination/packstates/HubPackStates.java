package io.cmohub.coordination.packstates;

import io.cmohub.coordination.registry.RegisteredBatches;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.publish.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The pack-state query service wired on the hub's database: the parser sponsor requests go through,
 * the queries, the runner that asks the Hub and the scheduled sweeps. Built by
 * {@link io.cmohub.coordination.CmoHubCoordination} and by the standalone gateway.
 */
public final class HubPackStates {
    /** The most packs one query may ask, by default. */
    public static final int DEFAULT_MAX_PACKS = 100_000;

    private final PackStateQueryParser parser;
    private final PackStateQueries queries;
    private final PackStateQueryRunner runner;
    private final PackStateSweeps sweeps;

    public HubPackStates(DataSource dataSource, RegisteredBatches registry, EuHubGateway hub, EventPublisher publisher, AuditTrail audit, Clock clock,
                         String node, int maxPacks, PackStateQueryRunner.Settings runnerSettings, PackStateSweeps.Settings sweepSettings) {
        PackStateQueryStore store = new PackStateQueryStore(dataSource);
        this.parser = new PackStateQueryParser(maxPacks);
        this.queries = new PackStateQueries(store, registry, audit, clock);
        this.sweeps = new PackStateSweeps(dataSource, queries, registry, hub, clock, sweepSettings);
        this.runner = new PackStateQueryRunner(store, hub, publisher, new PackStateEvents(registry), sweeps, clock, node, runnerSettings);
    }

    public PackStateQueryParser parser() {
        return parser;
    }

    public PackStateQueries queries() {
        return queries;
    }

    public PackStateQueryRunner runner() {
        return runner;
    }

    public PackStateSweeps sweeps() {
        return sweeps;
    }

    /** The routes with the default periods: queries looked for every second, sweeps every hour. */
    public PackStateRoutes routes() {
        return routes(Duration.ofSeconds(1), Duration.ofHours(1), true);
    }

    public PackStateRoutes routes(Duration queryPeriod, Duration sweepPeriod, boolean sweeps) {
        return new PackStateRoutes(this, queryPeriod, sweepPeriod, sweeps);
    }
}
