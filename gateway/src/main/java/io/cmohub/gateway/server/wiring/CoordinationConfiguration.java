package io.cmohub.gateway.server.wiring;

import io.cmohub.spring.boot.CoordinationProperties;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.gateway.server.coordination.ConfiguredSecrets;
import io.cmohub.gateway.server.coordination.CoordinationQueue;
import io.cmohub.gateway.server.coordination.EamsClientStatusWriter;
import io.cmohub.gateway.server.coordination.LegacyCoordinationQueue;
import io.cmohub.gateway.server.coordination.RegistryFeed;
import io.cmohub.gateway.server.coordination.UnconfiguredMailSender;
import io.cmohub.coordination.alert.eams.EamsClient;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.coordination.CoordinationEvents;
import io.cmohub.coordination.CoordinationRoutes;
import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.CoordinationSettings;
import io.cmohub.coordination.cases.EamsStatusWriter;
import io.cmohub.coordination.evidence.CamelMailSender;
import io.cmohub.coordination.evidence.EmailEvidenceDispatcher;
import io.cmohub.coordination.evidence.EvidenceTemplates;
import io.cmohub.coordination.evidence.MailSender;
import io.cmohub.coordination.evidence.PortalEvidenceDispatcher;
import io.cmohub.coordination.evidence.WebhookEvidenceDispatcher;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.coordination.liaison.LiaisonSeed;
import io.cmohub.coordination.outbox.OutboxDelivery;
import io.cmohub.coordination.reconcile.Reconciler;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.release.ReleaseCheck;
import io.cmohub.coordination.scorecard.Scorecard;
import io.cmohub.coordination.sla.SlaSweeper;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.routes.store.FileSystemDocumentStore;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Alert coordination (issue 7, docs/alert-coordination.md) wired from the {@code routes} library on
 * the gateway's database, audit trail, document store, event publisher and EU Hub client.
 * Everything that needs "now" takes the one {@code Clock} bean, so a test can replace it.
 * Off with {@code cmohub.coordination.enabled=false}, and without the EU Hub client
 * ({@code cmohub.eu-hub.enabled=false}): reconciliation and the release check ask the Hub.
 */
@Configuration
@EnableConfigurationProperties(CoordinationProperties.class)
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class CoordinationConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinationConfiguration.class);

    /** System time in UTC; the SLA clocks are computed on each liaison's own calendar and zone. */
    @Bean
    Clock coordinationClock() {
        return Clock.systemUTC();
    }

    @Bean
    BatchRegistry batchRegistry(DataSource dataSource, JdbcAuditTrail audit, Clock clock) {
        return new BatchRegistry(dataSource, audit, clock);
    }

    @Bean
    LiaisonRegister liaisonRegister(DataSource dataSource, JdbcAuditTrail audit, Clock clock) {
        return new LiaisonRegister(dataSource, audit, clock);
    }

    /**
     * Applies {@code cmohub.coordination.liaison-seed} once the context is up. The register audits
     * every change; an unchanged entry is a no-op, so the seed can stay configured across restarts.
     * A broken seed file stops the start with the entry named.
     */
    @Bean
    @Order(10)
    ApplicationRunner liaisonSeeder(LiaisonRegister register, CoordinationProperties properties) {
        return args -> {
            if (properties.getLiaisonSeed() == null) {
                return;
            }
            try (InputStream in = Files.newInputStream(properties.getLiaisonSeed())) {
                int changed = LiaisonSeed.apply(register, LiaisonSeed.read(in), "seed");
                LOG.info("liaison seed {}: {} liaison(s) created or changed", properties.getLiaisonSeed(), changed);
            }
        };
    }

    @Bean
    EvidenceTemplates evidenceTemplates(CoordinationProperties properties) throws IOException {
        EvidenceTemplates defaults = EvidenceTemplates.defaults();
        if (properties.getEvidenceTemplates() == null) {
            return defaults;
        }
        try (InputStream in = Files.newInputStream(properties.getEvidenceTemplates())) {
            return defaults.overriddenBy(in);
        }
    }

    @Bean
    Reconciler reconciler(EuHubGateway hub, BatchRegistry registry, Clock clock) {
        return new Reconciler(hub, registry, clock);
    }

    @Bean
    ReleaseCheck releaseCheck(BatchRegistry registry, EuHubGateway hub, JdbcAuditTrail audit, Clock clock, DataSource dataSource,
                              CoordinationSettings settings) {
        return new ReleaseCheck(registry, hub, audit, clock, dataSource, settings.eventSource());
    }

    @Bean
    CoordinationSettings coordinationSettings(CoordinationProperties properties) {
        return properties.toSettings();
    }

    @Bean
    CaseCoordinator caseCoordinator(DataSource dataSource, JdbcAuditTrail audit, Clock clock, BatchRegistry registry, LiaisonRegister liaisons,
                                    EvidenceTemplates templates, Reconciler reconciler, FileSystemDocumentStore documents,
                                    CoordinationSettings settings) {
        return new CaseCoordinator(dataSource, audit, clock, registry, liaisons, templates, reconciler, documents, settings);
    }

    @Bean
    WebhookEvidenceDispatcher webhookEvidenceDispatcher(CoordinationProperties properties, Clock clock) {
        return new WebhookEvidenceDispatcher(new ConfiguredSecrets(properties.getSecrets()), clock, properties.getWebhookConnectTimeout(),
                properties.getWebhookTimeout());
    }

    @Bean
    EmailEvidenceDispatcher emailEvidenceDispatcher(CoordinationProperties properties, ProducerTemplate producer) {
        String uri = properties.getMail().getUri();
        MailSender mail = uri == null || uri.isBlank() ? new UnconfiguredMailSender() : new CamelMailSender(producer, uri, properties.getMail().getFrom());
        return new EmailEvidenceDispatcher(mail);
    }

    /** The alert-intake EAMS client when {@code cmohub.eams.enabled=true}; otherwise updates stay on the timeline and in the audit trail. */
    @Bean
    EamsStatusWriter eamsStatusWriter(ObjectProvider<EamsClient> eams) {
        EamsClient client = eams.getIfAvailable();
        if (client == null) {
            LOG.info("alert coordination: no EAMS configured; EAMS status updates are recorded on the case timeline and in the audit trail only");
            return EamsStatusWriter.NONE;
        }
        return new EamsClientStatusWriter(client);
    }

    @Bean
    OutboxDelivery outboxDelivery(DataSource dataSource, JdbcAuditTrail audit, Clock clock, CoordinationProperties properties,
                                  WebhookEvidenceDispatcher webhook, EmailEvidenceDispatcher email, JmsEventPublisher publisher,
                                  EamsStatusWriter eams) {
        return new OutboxDelivery(dataSource, audit, clock, properties.nodeName(), List.of(webhook, email, new PortalEvidenceDispatcher()), publisher, eams,
                OutboxDelivery.Settings.DEFAULTS);
    }

    @Bean
    SlaSweeper slaSweeper(DataSource dataSource, Clock clock, CoordinationProperties properties, CaseCoordinator cases) {
        return new SlaSweeper(dataSource, clock, properties.nodeName(), cases, properties.getSweepBatchSize());
    }

    @Bean
    CoordinationEvents coordinationEvents(BatchRegistry registry, CaseCoordinator cases) {
        return new CoordinationEvents(registry, cases);
    }

    /**
     * The routes, after their durable subscription queues exist (so no event is published before it has a
     * subscriber) and the single queue of earlier releases is drained (before any route runs).
     */
    @Bean
    CoordinationRoutes coordinationRoutes(CoordinationEvents events, SlaSweeper sweeper, OutboxDelivery outbox, CoordinationProperties properties,
                                          ConnectionFactory connectionFactory, ArtemisProperties artemis) throws Exception {
        var broker = OutboundConfiguration.artemis(connectionFactory);
        CoordinationQueue.ensure(broker, artemis.getUser(), artemis.getPassword(), properties.getEvents().getQueuePrefix());
        LegacyCoordinationQueue.drainAndRemove(broker, artemis.getUser(), artemis.getPassword(), events::acceptCloudEvent);
        return new CoordinationRoutes(events, sweeper, outbox);
    }

    /**
     * The registry queue's consumer, once {@link #coordinationRoutes} has made the queue and drained the old one. On the
     * broker's own factory: Spring's caching factory keeps a closed session's consumer open, and that consumer would go on
     * taking the queue's messages into a buffer nobody reads.
     */
    @Bean
    RegistryFeed registryFeed(CoordinationRoutes coordinationRoutes, ConnectionFactory connectionFactory, CoordinationEvents events,
                              CoordinationProperties properties) {
        String queue = CoordinationQueue.REGISTRY.queue(properties.getEvents().getQueuePrefix());
        return new RegistryFeed(OutboundConfiguration.artemis(connectionFactory), CoordinationQueue.fqqn(queue), events,
                properties.getEvents().getRegistryBatchSize());
    }

    @Bean
    Scorecard scorecard(DataSource dataSource, LiaisonRegister liaisons) {
        return Scorecard.onBusinessCalendars(dataSource, liaisons); // turnaround in working time, as the CMO's SLA clocks count
    }
}
