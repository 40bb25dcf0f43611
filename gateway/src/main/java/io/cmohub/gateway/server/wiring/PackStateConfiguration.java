package io.cmohub.gateway.server.wiring;

import io.cmohub.coordination.packstates.HubPackStates;
import io.cmohub.coordination.packstates.PackStateQueryRunner;
import io.cmohub.coordination.packstates.PackStateRoutes;
import io.cmohub.coordination.packstates.PackStateSweeps;
import io.cmohub.coordination.packstates.QueryState;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.spring.boot.CoordinationProperties;
import io.cmohub.spring.boot.EuHubProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * EU Hub pack-state queries for sponsor systems ({@code cmohub.eu-hub.pack-state-queries.*}) and the
 * scheduled checks ({@code cmohub.eu-hub.pack-state-sweeps.*}): answers go out as canonical events on
 * {@code cmohub.events.pack-state}, summaries on {@code cmohub.events.pack-state-summary}, findings on
 * {@code cmohub.events.pack-state-finding}, through the same publisher and outbound routes as every event.
 */
@Configuration
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class PackStateConfiguration {

    @Bean
    HubPackStates hubPackStates(DataSource dataSource, BatchRegistry registry, EuHubGateway hub, JmsEventPublisher publisher, JdbcAuditTrail audit,
                                Clock clock, EuHubProperties euHub, CoordinationProperties coordination) {
        EuHubProperties.PackStateQueries q = euHub.getPackStateQueries();
        EuHubProperties.PackStateSweeps s = euHub.getPackStateSweeps();
        return new HubPackStates(dataSource, registry, hub, publisher, audit, clock, coordination.nodeName(), q.getMaxPacks(),
                new PackStateQueryRunner.Settings(q.getChunkSize(), q.getLease(), q.getResumeAfter(), PackStateQueryRunner.Settings.DEFAULTS.resumeAfterRateLimit()),
                new PackStateSweeps.Settings(s.isReleased(), s.getReleasedWithinDays(), s.isOpenCases(), s.isNearExpiry(), s.getNearExpiryWithinDays(),
                        s.getInterval(), s.getExpectedStates()));
    }

    /** {@code cmohub.pack_state.queries{state=RUNNING|PAUSED}}: a query that stays PAUSED means the EU Hub keeps failing. */
    @Bean
    MeterBinder packStateQueryGauges(HubPackStates packStates) {
        return registry -> {
            for (QueryState state : java.util.List.of(QueryState.RUNNING, QueryState.PAUSED)) {
                Gauge.builder("cmohub.pack_state.queries", packStates, p -> p.queries().unfinished().get(state)).tag("state", state.name())
                        .description("pack-state queries not completed").register(registry);
            }
        };
    }

    @Bean
    PackStateRoutes packStateRoutes(HubPackStates packStates, EuHubProperties euHub) {
        return packStates.routes(euHub.getPackStateQueries().getPeriod(), euHub.getPackStateSweeps().getPeriod(), euHub.getPackStateSweeps().isEnabled());
    }
}
