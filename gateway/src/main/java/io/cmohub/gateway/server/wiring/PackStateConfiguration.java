package io.cmohub.gateway.server.wiring;

import io.cmohub.coordination.packstates.HubPackStates;
import io.cmohub.coordination.packstates.PackStateQueryRunner;
import io.cmohub.coordination.packstates.PackStateRoutes;
import io.cmohub.coordination.packstates.PackStateSweeps;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.spring.boot.CoordinationProperties;
import io.cmohub.spring.boot.EuHubProperties;
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

    @Bean
    PackStateRoutes packStateRoutes(HubPackStates packStates, EuHubProperties euHub) {
        return packStates.routes(euHub.getPackStateQueries().getPeriod(), euHub.getPackStateSweeps().getPeriod(), euHub.getPackStateSweeps().isEnabled());
    }
}
