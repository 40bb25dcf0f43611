package io.cmohub.examples.esb;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Starts the whole application and drops the walk-through's CMO export into the folder its YAML route watches. */
@CamelSpringBootTest
@SpringBootTest
class EsbApplicationTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("esb.data-dir", () -> dataDir.toString());
    }

    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aCmoFileBecomesCanonicalEventsOnTheApplicationsOwnQueue() throws Exception {
        assertThat(camel.getRoute("acme-cmo-inbox")).as("the YAML route made from the cmohub-intake template").isNotNull();
        Path inbox = Files.createDirectories(dataDir.resolve("cmo-inbox/acme-cmo"));
        Files.copy(Path.of("../data/acme-batch-records.csv"), inbox.resolve("acme-batch-records.csv"));

        jms.setReceiveTimeout(20_000);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Message message = jms.receive("erp.batches");
            assertThat(message).as("event %d of 4", i + 1).isNotNull();
            assertThat(message.getStringProperty("cmohubPartner")).isEqualTo("acme-cmo");
            events.add(((TextMessage) message).getText());
        }
        assertThat(events).allSatisfy(event -> assertThat(event).contains("\"type\":\"io.cmohub.batch.updated.v1\"", "\"partner\":\"acme-cmo\""));
        assertThat(events).doesNotHaveDuplicates();
    }

    @Test
    void theStarterBacksOffForTheApplicationsOwnConnectorCatalog() {
        ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
        var outcomes = report.getConditionAndOutcomesBySource().get("io.cmohub.spring.boot.CmoHubAutoConfiguration#connectorCatalog");
        assertThat(outcomes.isFullMatch()).isFalse();
        assertThat(outcomes.iterator().next().getOutcome().getMessage())
                .contains("found beans of type 'io.cmohub.connector.ConnectorCatalog' approvedFormats");
        assertThat(context.getBean(io.cmohub.routes.templates.CmoHubPipeline.class).connectors().formatIds())
                .containsExactlyInAnyOrderElementsOf(EsbApplication.APPROVED_FORMATS);
    }
}
