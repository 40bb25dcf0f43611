package io.cmohub.spring.boot;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.mapping.ExtraMappings;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerDirectory;
import io.cmohub.routes.pipeline.DocumentIntake;
import io.cmohub.routes.pipeline.PipelineObserver;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import io.cmohub.routes.templates.CmoHubPipeline;
import io.cmohub.routes.templates.CmoHubRouteTemplates;
import io.cmohub.routes.templates.PartnerSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Configuration;

/**
 * The hub on the application's own DataSource (and JMS ConnectionFactory, if it has one): the same
 * assembly as the gateway's {@code PipelineConfiguration}, as auto-configuration. Every bean backs off
 * when the application defines one of the same type, and {@link CmoHubPipeline} is then built from the
 * application's bean, so the route templates and the intake routes use it too.
 *
 * <p>Interfaces the application can replace: {@link ConnectorCatalog}, {@link DocumentStore},
 * {@link AuditTrail}, {@link PartnerDirectory}, {@link EventPublisher}, {@link PipelineObserver}; or the
 * whole {@link CmoHubPipeline}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration",
        "org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration"})
@ConditionalOnProperty(prefix = "cmohub", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(CmoHubProperties.class)
public class CmoHubAutoConfiguration {

    /** Every connector on the classpath plus the mapping files of {@code cmohub.mappings}. */
    @Bean
    @ConditionalOnMissingBean
    public ConnectorCatalog connectorCatalog(CmoHubProperties properties) throws IOException {
        ClassLoader classLoader = CmoHubAutoConfiguration.class.getClassLoader();
        return ConnectorCatalog.load(classLoader).plus(ExtraMappings.load(properties.getMappings(), classLoader));
    }

    @Bean
    @ConditionalOnMissingBean(DocumentStore.class)
    public FileSystemDocumentStore documentStore(CmoHubProperties properties) throws IOException {
        return new FileSystemDocumentStore(Files.createDirectories(properties.getDataDir().resolve("documents")));
    }

    @Bean
    @ConditionalOnMissingBean(AuditTrail.class)
    public JdbcAuditTrail auditTrail(DataSource dataSource, CmoHubProperties properties) throws IOException {
        CmoHubProperties.Audit audit = properties.getAudit();
        if (audit.getKeyFile() == null) {
            if (audit.getAnchorFile() != null) {
                throw new IllegalStateException("cmohub.audit.anchor-file needs cmohub.audit.key-file: checkpoints are sealed with the audit key");
            }
            return new JdbcAuditTrail(dataSource);
        }
        java.util.List<io.cmohub.routes.audit.AuditKey> previous = new java.util.ArrayList<>();
        for (java.nio.file.Path file : audit.getPreviousKeyFiles()) {
            previous.add(io.cmohub.routes.audit.AuditKey.load(file));
        }
        io.cmohub.routes.audit.AuditKeyring keys = new io.cmohub.routes.audit.AuditKeyring(io.cmohub.routes.audit.AuditKey.loadOrCreate(audit.getKeyFile()),
                previous);
        return new JdbcAuditTrail(dataSource, keys, audit.getAnchorFile() == null ? null : new io.cmohub.routes.audit.AuditAnchor(audit.getAnchorFile(), keys));
    }

    /** Checkpoints the audit chain's head to the anchor file at start, every anchor period, and at shutdown. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "cmohub.audit.anchor-file")
    public AuditAnchoring auditAnchoring(JdbcAuditTrail audit, CmoHubProperties properties) {
        return new AuditAnchoring(audit, properties.getAudit().getAnchorPeriod());
    }

    @Bean
    @ConditionalOnMissingBean(PartnerDirectory.class)
    public JdbcPartnerDirectory partnerDirectory(DataSource dataSource) {
        return new JdbcPartnerDirectory(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    public JdbcDocumentRegistry documentRegistry(DataSource dataSource) {
        return new JdbcDocumentRegistry(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    public JdbcEventLedger eventLedger(DataSource dataSource) {
        return new JdbcEventLedger(dataSource);
    }

    /**
     * The hub's tables, with the hub's own Flyway and history table ({@code cmohub.schema.*}), after the
     * application's own database initialisation (Flyway, Liquibase, SQL scripts). The application's Flyway
     * never sees the hub's scripts: they live under {@code io/cmohub/db/migration}, outside the default
     * {@code classpath:db/migration} it scans, so the two never share versions or a history table.
     */
    @Bean(CmoHubSchemaMigration.BEAN_NAME)
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "cmohub.schema", name = "migrate", havingValue = "true", matchIfMissing = true)
    @DependsOnDatabaseInitialization
    public CmoHubSchemaMigration cmohubSchemaMigration(DataSource dataSource, CmoHubProperties properties) {
        return new CmoHubSchemaMigration(dataSource, properties.getSchema());
    }

    /**
     * The pipeline every cmo-hub route uses, registered as {@value CmoHubPipeline#BEAN_NAME} (the name the
     * templates look up). Created after the hub's schema (when the starter applies it) and the
     * application's own database initialisation; registers the configured partners first.
     */
    @Bean(CmoHubPipeline.BEAN_NAME)
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    public CmoHubPipeline cmohubPipeline(DataSource dataSource, CmoHubProperties properties, ConnectorCatalog connectors, DocumentStore store,
                                         AuditTrail audit, PartnerDirectory partners, JdbcDocumentRegistry registry, JdbcEventLedger ledger,
                                         ObjectProvider<EventPublisher> publisher, ObjectProvider<PipelineObserver> observer,
                                         ObjectProvider<CmoHubSchemaMigration> schema) {
        schema.getIfAvailable(); // created, and so applied, before the partners below are written to the hub's tables
        CmoHubPipeline.Builder builder = CmoHubPipeline.builder()
                .dataSource(dataSource)
                .connectors(connectors)
                .documentStore(store)
                .auditTrail(audit)
                .partnerDirectory(partners)
                .documentRegistry(registry)
                .eventLedger(ledger)
                .eventPublisher(publisher.getIfUnique())
                .observer(observer.getIfUnique(() -> PipelineObserver.NONE))
                .maxDocumentBytes(properties.getMaxDocumentBytes())
                .recordLimits(properties.getLimits().toRecordLimits())
                .publishBatchSize(properties.getPublishBatchSize());
        for (int i = 0; i < properties.getPartners().size(); i++) {
            builder.partner(seed(properties.getPartners().get(i), i));
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public DocumentIntake documentIntake(CmoHubPipeline pipeline) {
        return pipeline.intake();
    }

    /** The route templates; camel-spring-boot adds every RoutesBuilder bean to the CamelContext. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "cmohub.templates", name = "enabled", havingValue = "true", matchIfMissing = true)
    public CmoHubRouteTemplates cmohubRouteTemplates() {
        return new CmoHubRouteTemplates();
    }

    /** Events as persistent JMS messages on topics {@code cmohub.publish.topic-prefix + entity}, when the application has a broker. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(jakarta.jms.ConnectionFactory.class)
    static class JmsPublishing {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(EventPublisher.class)
        @ConditionalOnSingleCandidate(jakarta.jms.ConnectionFactory.class)
        public JmsEventPublisher eventPublisher(jakarta.jms.ConnectionFactory connectionFactory, CmoHubProperties properties) {
            return new JmsEventPublisher(connectionFactory, properties.getPublish().getTopicPrefix());
        }
    }

    /** The seed of {@code cmohub.partners[index]}; an invalid id, product code or site id stops the start naming the partner. */
    static PartnerSeed seed(CmoHubProperties.Partner partner, int index) {
        try {
            Map<String, PartnerSeed.Format> formats = new LinkedHashMap<>();
            partner.getFormats().forEach((id, format) -> formats.put(id, new PartnerSeed.Format(format.getFilePattern(), format.getConfig())));
            PartnerSeed seed = new PartnerSeed(partner.getId(), partner.getName(), partner.getApiKey(), partner.getCertificateSubject(),
                    List.copyOf(partner.getProducts()), List.copyOf(partner.getSites()), formats);
            seed.toProfile();
            return seed;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("partner '" + partner.getId() + "' in cmohub.partners[" + index + "] is invalid: " + e.getMessage(), e);
        }
    }

}
