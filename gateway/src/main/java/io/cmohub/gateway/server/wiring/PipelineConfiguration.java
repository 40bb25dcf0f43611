package io.cmohub.gateway.server.wiring;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.pipeline.DocumentIntake;
import io.cmohub.routes.pipeline.DocumentProcessor;
import io.cmohub.routes.pipeline.InboxFormats;
import io.cmohub.routes.pipeline.IntakeRoutes;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the library pieces of {@code routes} into the gateway: the gateway itself holds no pipeline logic. */
@Configuration
@EnableConfigurationProperties(CmoHubProperties.class)
public class PipelineConfiguration {

    @Bean
    ConnectorCatalog connectorCatalog(CmoHubProperties properties) throws IOException {
        ClassLoader classLoader = PipelineConfiguration.class.getClassLoader();
        return ConnectorCatalog.load(classLoader).plus(io.cmohub.connector.mapping.ExtraMappings.load(properties.getMappings(), classLoader));
    }

    @Bean
    FileSystemDocumentStore documentStore(CmoHubProperties properties) throws IOException {
        return new FileSystemDocumentStore(Files.createDirectories(properties.getDataDir().resolve("documents")));
    }

    @Bean
    JdbcDocumentRegistry documentRegistry(DataSource dataSource) {
        return new JdbcDocumentRegistry(dataSource);
    }

    @Bean
    JdbcEventLedger eventLedger(DataSource dataSource) {
        return new JdbcEventLedger(dataSource);
    }

    @Bean
    JdbcAuditTrail auditTrail(DataSource dataSource) {
        return new JdbcAuditTrail(dataSource);
    }

    @Bean
    JdbcPartnerDirectory partnerDirectory(DataSource dataSource) {
        return new JdbcPartnerDirectory(dataSource);
    }

    @Bean(destroyMethod = "close")
    JmsEventPublisher eventPublisher(ConnectionFactory connectionFactory) {
        return new JmsEventPublisher(connectionFactory, JmsEventPublisher.DEFAULT_TOPIC_PREFIX);
    }

    @Bean
    DocumentIntake documentIntake(FileSystemDocumentStore store, JdbcDocumentRegistry registry, JdbcAuditTrail audit, CmoHubProperties properties) {
        return new DocumentIntake(store, registry, audit, properties.getMaxDocumentBytes());
    }

    @Bean
    DocumentProcessor documentProcessor(ConnectorCatalog catalog, JdbcPartnerDirectory partners, FileSystemDocumentStore store,
                                        JdbcDocumentRegistry registry, JdbcEventLedger ledger, JmsEventPublisher publisher, JdbcAuditTrail audit,
                                        CmoHubProperties properties, io.micrometer.core.instrument.MeterRegistry meters) {
        return new DocumentProcessor(catalog, partners, store, registry, ledger, publisher, audit, properties.getPublishBatchSize(),
                new MicrometerPipelineObserver(meters));
    }

    @Bean
    IntakeRoutes intakeRoutes(DocumentIntake intake, DocumentProcessor processor, JdbcPartnerDirectory partners, JdbcDocumentRegistry registry) {
        return new IntakeRoutes(intake, processor, new InboxFormats(partners), registry);
    }

    /**
     * Camel's JMS component on the gateway's broker. Transacted consumers use a local JMS session
     * transaction and no transaction manager: whatever a route sends (the dispatch queue, a sponsor
     * queue) is sent and confirmed by the broker before the consumed message is committed, so a
     * crash between the two can only repeat a hand-off, never lose one; the event id carried as the
     * duplicate-detection id lets the broker drop the repeat. (With a transaction manager and cached
     * consumers the receiving and the sending session are not guaranteed to be the same one.)
     */
    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        // Local session transactions allow cached consumers; without this, every message opens a new session and consumer.
        jms.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
        return jms;
    }
}
