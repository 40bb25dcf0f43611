package io.cmohub.examples.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the YAML-only application with Camel Main's own main class and drops the walk-through's CMO export into its folder. */
class YamlRoutesTest {

    @Test
    void aCmoFileBecomesCanonicalEventsOnTheApplicationsQueue(@TempDir Path dataDir) throws Exception {
        Main main = new Main();
        main.addOverrideProperty("data.dir", dataDir.toString());
        main.start();
        try {
            assertThat(main.getCamelContext().getRoute("acme-inbox")).isNotNull();
            Path inbox = dataDir.resolve("inbox/acme-cmo");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(inbox));
            Files.copy(Path.of("../data/acme-batch-records.csv"), inbox.resolve("acme-batch-records.csv"));

            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
                 Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("sponsor.canonical-events"));
                for (int i = 0; i < 4; i++) {
                    TextMessage event = (TextMessage) consumer.receive(20_000);
                    assertThat(event).as("event %d of 4", i + 1).isNotNull();
                    assertThat(event.getText()).contains("\"type\":\"io.cmohub.batch.updated.v1\"", "\"partner\":\"acme-cmo\"");
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("ACCEPTED/acme-batch-records.csv")));
        } finally {
            main.stop();
        }
    }

    @Test
    void theApplicationHasNoJavaSources() throws Exception {
        try (var sources = Files.walk(Path.of("src/main"))) {
            assertThat(sources.filter(p -> p.toString().endsWith(".java"))).isEmpty();
        }
    }
}
