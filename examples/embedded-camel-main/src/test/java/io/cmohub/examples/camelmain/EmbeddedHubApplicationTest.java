package io.cmohub.examples.camelmain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the example as its main method would and drops the walk-through's CMO export into its folder. */
class EmbeddedHubApplicationTest {

    @Test
    void aCmoFileBecomesCanonicalEventsOnTheHostsOwnQueue(@TempDir Path dataDir) throws Exception {
        try (EmbeddedHubApplication app = EmbeddedHubApplication.start(dataDir)) {
            Path inbox = dataDir.resolve("inbox/acme-cmo");
            Files.copy(Path.of("../data/acme-batch-records.csv"), inbox.resolve("acme-batch-records.csv"));

            List<TextMessage> events = receive(app, 4);
            assertThat(events).hasSize(4); // the export's four batches
            for (TextMessage event : events) {
                assertThat(event.getText()).contains("\"specversion\":\"1.0\"", "\"type\":\"io.cmohub.batch.updated.v1\"", "\"partner\":\"acme-cmo\"");
                assertThat(event.getStringProperty("cmohubPartner")).isEqualTo("acme-cmo");
                assertThat(event.getStringProperty("cmohubEventId")).hasSize(64);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("ACCEPTED/acme-batch-records.csv")));

            // The same export again: every record is a duplicate, so nothing new reaches the host.
            Files.copy(Path.of("../data/acme-batch-records.csv"), inbox.resolve("again.csv"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("ACCEPTED/again.csv")));
            assertThat(receive(app, 1)).isEmpty();
        }
    }

    @Test
    void noSpringIsOnTheClasspath() {
        for (String springClass : List.of("org.springframework.core.SpringVersion", "org.springframework.context.ApplicationContext",
                "org.springframework.jms.core.JmsTemplate", "org.apache.camel.spring.boot.CamelAutoConfiguration")) {
            assertThatThrownBy(() -> Class.forName(springClass)).as(springClass).isInstanceOf(ClassNotFoundException.class);
        }
    }

    private static List<TextMessage> receive(EmbeddedHubApplication app, int atMost) throws Exception {
        List<TextMessage> received = new ArrayList<>();
        try (Connection connection = app.broker().connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(HostBroker.EVENTS_QUEUE));
            long deadline = System.currentTimeMillis() + 20_000;
            while (received.size() < atMost && System.currentTimeMillis() < deadline) {
                TextMessage message = (TextMessage) consumer.receive(atMost == 1 ? 2_000 : 500);
                if (message != null) {
                    received.add(message);
                } else if (atMost == 1) {
                    break;
                }
            }
        }
        return received;
    }
}
