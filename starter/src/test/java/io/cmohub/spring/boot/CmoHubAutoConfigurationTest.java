package io.cmohub.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.euhub.EuHubGateway;
import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.pipeline.DocumentProcessor;
import io.cmohub.routes.pipeline.IntakeRoutes;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.routes.templates.CmoHubPipeline;
import io.cmohub.routes.templates.CmoHubRouteTemplates;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportMessage;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration on its own (no Camel context needed): what it adds, and how it backs off. */
class CmoHubAutoConfigurationTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, CmoHubAutoConfiguration.class,
                        CmoHubProcessingAutoConfiguration.class, CmoHubEuHubAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "cmohub.data-dir=" + dataDir,
                        "cmohub.partners[0].id=acme-cmo",
                        "cmohub.partners[0].products=05012345678900",
                        "cmohub.partners[0].sites=ACME-LYON",
                        "cmohub.partners[0].formats.csv-batch-record.file-pattern=*.csv");
    }

    @Test
    void addsThePipelineOnTheApplicationsDataSourceWithTheSchemaAndThePartners() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            CmoHubPipeline pipeline = context.getBean(CmoHubPipeline.BEAN_NAME, CmoHubPipeline.class);
            assertThat(pipeline.partners().find(PartnerId.of("acme-cmo"))).isPresent();
            assertThat(pipeline.connectors().formatIds()).contains("csv-batch-record", "canonical-json");
            assertThat(context).hasSingleBean(CmoHubRouteTemplates.class).hasSingleBean(JdbcAuditTrail.class);
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                List<String> tables = new java.util.ArrayList<>();
                try (var rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
                assertThat(tables).contains("cmohub_schema_history", "document", "published_event", "audit_event");
            }
            // no broker and no publisher of the application's: no processor, no fixed intake routes, no EU Hub
            assertThat(context).doesNotHaveBean(EventPublisher.class).doesNotHaveBean(DocumentProcessor.class)
                    .doesNotHaveBean(IntakeRoutes.class).doesNotHaveBean(EuHubGateway.class);
        });
    }

    @Test
    void backsOffForTheApplicationsOwnAuditTrailAndTheReportSaysSo() {
        runner().withUserConfiguration(OwnAuditTrail.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(AuditTrail.class).doesNotHaveBean(JdbcAuditTrail.class);
            assertThat(context.getBean(CmoHubPipeline.class).auditTrail()).isSameAs(context.getBean("applicationAudit"));

            ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
            var outcomes = report.getConditionAndOutcomesBySource().get("io.cmohub.spring.boot.CmoHubAutoConfiguration#auditTrail");
            assertThat(outcomes.isFullMatch()).isFalse();
            assertThat(outcomes.iterator().next().getOutcome().getMessage())
                    .contains("found beans of type 'io.cmohub.routes.audit.AuditTrail' applicationAudit");
            // the same as the report Spring Boot prints with --debug
            String printed = new ConditionEvaluationReportMessage(report).toString();
            System.out.println(printed.lines().filter(l -> l.contains("CmoHubAutoConfiguration#auditTrail") || l.contains("applicationAudit"))
                    .reduce("", (a, b) -> a + b + "\n"));
            assertThat(printed).contains("CmoHubAutoConfiguration#auditTrail:");
        });
    }

    @Test
    void publishesOverTheApplicationsJmsConnectionFactoryAndAddsTheIntakeRoutesWhenAsked() {
        runner().withUserConfiguration(ApplicationBroker.class)
                .withPropertyValues("cmohub.dispatch.uri=seda:dispatch", "cmohub.publish.topic-prefix=sponsor.events.")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(JmsEventPublisher.class).hasSingleBean(DocumentProcessor.class).hasSingleBean(IntakeRoutes.class);
                    assertThat(context.getBean(DocumentProcessor.class)).isSameAs(context.getBean(CmoHubPipeline.class).processor());
                });
    }

    @Test
    void addsTheEuHubGatewayWhenItsAddressIsSetAndKeepsTheApplicationsOwn() {
        runner().withPropertyValues("cmohub.eu-hub.address=http://localhost:1/hub", "cmohub.eu-hub.allow-plain-http=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EuHubGateway.class));
        runner().withPropertyValues("cmohub.eu-hub.address=http://localhost:1/hub")
                .run(context -> assertThat(context).hasFailed()); // plain http only with allow-plain-http
    }

    @Test
    void euHubEnabledFalseKeepsTheGatewayOffEvenWithAnAddress() {
        runner().withPropertyValues("cmohub.eu-hub.enabled=false", "cmohub.eu-hub.address=http://localhost:1/hub", "cmohub.eu-hub.allow-plain-http=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EuHubGateway.class));
    }

    @Test
    void anInvalidPartnerStopsTheStartNamingIt() {
        runner().withPropertyValues("cmohub.partners[1].id=bad-cmo", "cmohub.partners[1].products=not-a-gtin")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().isNotNull()
                        .satisfies(e -> assertThat(context.getStartupFailure()).hasStackTraceContaining("partner 'bad-cmo' in cmohub.partners[1] is invalid")));
    }

    @Test
    void cmohubEnabledFalseAddsNothing() {
        runner().withPropertyValues("cmohub.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CmoHubPipeline.class).doesNotHaveBean(CmoHubRouteTemplates.class));
    }

    @Test
    void propertiesCarryMetadataForIdeCompletion() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String property : List.of("cmohub.data-dir", "cmohub.partners", "cmohub.schema.migrate", "cmohub.publish.topic-prefix",
                    "cmohub.dispatch.uri", "cmohub.eu-hub.address", "cmohub.eu-hub.client-certificate.path", "cmohub.templates.enabled")) {
                assertThat(metadata).as(property).contains("\"name\": \"" + property + "\"");
            }
            assertThat(metadata).contains("Apply the hub's migrations with Flyway");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAuditTrail {
        @Bean
        AuditTrail applicationAudit() {
            return new AuditTrail() {
                @Override
                public void record(io.cmohub.routes.audit.AuditEvent event) {
                }

                @Override
                public void record(Connection c, io.cmohub.routes.audit.AuditEvent event) {
                }

                @Override
                public io.cmohub.routes.audit.AuditVerification verify() {
                    throw new UnsupportedOperationException("the application's own audit system verifies itself");
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationBroker {
        @Bean
        jakarta.jms.ConnectionFactory connectionFactory() {
            return new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("vm://0");
        }
    }
}
