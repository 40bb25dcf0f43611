package io.cmohub.spring.boot;

import io.cmohub.coordination.CmoHubCoordination;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.evidence.EvidenceTemplates;
import io.cmohub.coordination.evidence.WebhookEvidenceDispatcher;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.templates.CmoHubPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.RoutesBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Alert coordination for a Spring Boot host, the same parts {@link CmoHubCoordination#builder()} wires in
 * plain Camel: added when the host has the pipeline, an EU Hub gateway (from {@code cmohub.eu-hub.address},
 * or its own bean) and an event publisher, unless {@code cmohub.coordination.enabled=false}. Its three
 * routes join the host's Camel context once {@code cmohub.coordination.events.uri} names where the
 * canonical events come from. The standalone gateway wires coordination itself (it has its own
 * {@link CaseCoordinator}), so this backs off there.
 */
@AutoConfiguration(after = {CmoHubAutoConfiguration.class, CmoHubEuHubAutoConfiguration.class})
@ConditionalOnClass(CmoHubCoordination.class)
@ConditionalOnProperty(prefix = "cmohub.coordination", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CoordinationProperties.class)
public class CmoHubCoordinationAutoConfiguration {

    @Bean
    @ConditionalOnBean({CmoHubPipeline.class, EuHubGateway.class, EventPublisher.class})
    @ConditionalOnMissingBean({CmoHubCoordination.class, CaseCoordinator.class})
    public CmoHubCoordination cmohubCoordination(CmoHubPipeline pipeline, EuHubGateway hub, EventPublisher publisher, CoordinationProperties properties)
            throws IOException {
        Map<String, String> secrets = properties.getSecrets();
        Clock clock = Clock.systemUTC();
        return CmoHubCoordination.builder()
                .pipeline(pipeline)
                .euHub(hub)
                .eventPublisher(publisher)
                .settings(properties.toSettings())
                .clock(clock)
                .evidenceTemplates(templates(properties))
                .dispatcher(new WebhookEvidenceDispatcher(ref -> Optional.ofNullable(secrets.get(ref)), clock, properties.getWebhookConnectTimeout(),
                        properties.getWebhookTimeout()))
                .sweepBatchSize(properties.getSweepBatchSize())
                .build();
    }

    @Bean
    @ConditionalOnBean(CmoHubCoordination.class)
    @ConditionalOnProperty(prefix = "cmohub.coordination.events", name = "uri")
    public RoutesBuilder cmohubCoordinationRoutes(CmoHubCoordination coordination) {
        return coordination.routes();
    }

    /** Pack-state queries and sweeps ({@code coordination.packStates()}): asked in the background, whatever feeds the events. */
    @Bean
    @ConditionalOnBean(CmoHubCoordination.class)
    public RoutesBuilder cmohubPackStateRoutes(CmoHubCoordination coordination) {
        return coordination.packStates().routes();
    }

    private static EvidenceTemplates templates(CoordinationProperties properties) throws IOException {
        if (properties.getEvidenceTemplates() == null) {
            return EvidenceTemplates.defaults();
        }
        try (InputStream in = Files.newInputStream(properties.getEvidenceTemplates())) {
            return EvidenceTemplates.defaults().overriddenBy(in);
        }
    }
}
