package io.cmohub.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmohub.gateway.server.broker.EmbeddedBrokerSettings;
import io.cmohub.gateway.server.coordination.RegistryFeed;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.publish.EventHeaders;
import io.cmohub.routes.publish.EventPublisher;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registry queue's consumer on the embedded broker: events waiting on the queue are applied in
 * groups (one database transaction and one JMS commit each), and an event that cannot be applied
 * fails its group, is then retried on its own and ends on the dead-letter address, while the
 * events that arrived with it are registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistryFeedTest {
    static final Path DATA_DIR = Path.of("target", "e2e-feed-" + UUID.randomUUID()).toAbsolutePath();
    static final ProductCode PRODUCT = ProductCode.of("05012345100036");
    static final int EVENTS = 120;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmohub.data-dir", () -> DATA_DIR.toString());
        registry.add("cmohub.admin.api-key", () -> "test-admin-key-feed-0123456789");
        registry.add("cmohub.broker.max-delivery-attempts", () -> "2");
        registry.add("cmohub.coordination.events.registry-batch-size", () -> "50");
    }

    @Autowired
    RegistryFeed feed;
    @Autowired
    EventPublisher publisher;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    DataSource dataSource;

    @Test
    void waitingEventsAreAppliedInGroupsAndABadEventGoesToTheDeadLetterAddressAlone() throws Exception {
        feed.stop(); // the events wait on the queue, as behind a bulk upload
        List<CanonicalEvent> first = batches(0, EVENTS / 2);
        List<CanonicalEvent> second = batches(EVENTS / 2, EVENTS);
        publisher.publish(first, "doc-feed-1");
        String poison = "{\"specversion\":\"1.0\",\"type\":\"io.cmohub.batch.updated.v1\",\"data\":{\"productCode\":\"not a product\"}}";
        send("cmohub.events.batch", poison);
        publisher.publish(second, "doc-feed-2");
        long commitsBefore = feed.commits();

        feed.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(registeredBatches())
                .as("registered; the feed applied %d in %d commits; waiting %d", feed.applied(), feed.commits(), waiting()).isEqualTo(EVENTS));
        TextMessage dead = await().atMost(Duration.ofSeconds(30)).until(this::deadLetter, m -> m != null);
        assertThat(dead.getText()).isEqualTo(poison);
        // 121 events: a few groups of up to 50, the failed group's events again one by one, the bad event twice
        long commits = feed.commits() - commitsBefore;
        assertThat(commits).as("JMS commits for %d events", EVENTS).isLessThan(EVENTS / 2 + 3);
        assertThat(feed.applied()).isGreaterThanOrEqualTo(EVENTS);
    }

    static List<CanonicalEvent> batches(int from, int to) {
        List<CanonicalEvent> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Batch batch = new Batch(PRODUCT, BatchId.of("FEED" + i), BatchStatus.RELEASED, PartnerId.of("acme-cmo"), SiteId.of("ACME-LYON"),
                    Expiry.parse("300228"), LocalDate.of(2026, 6, 1), null, null, null, List.of(Market.of("DE")), Instant.parse("2026-12-07T10:00:00Z"));
            events.add(CanonicalEvent.of(batch, CanonicalEvent.partnerSource("acme-cmo"), "acme-cmo", Instant.parse("2026-12-07T10:00:00Z")));
        }
        return events;
    }

    void send(String topic, String body) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(EventHeaders.ENTITY, "batch");
            session.createProducer(session.createTopic(topic)).send(message);
        }
    }

    TextMessage deadLetter() throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            List<Message> messages = Collections.list(session.createBrowser(session.createQueue(EmbeddedBrokerSettings.DEAD_LETTER_ADDRESS))
                    .getEnumeration()).stream().map(Message.class::cast).toList();
            return messages.isEmpty() ? null : (TextMessage) messages.get(0);
        }
    }

    int waiting() throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            return Collections.list(session.createBrowser(session.createQueue("cmohub.events.*::cmohub.coordination.registry")).getEnumeration()).size();
        }
    }

    long registeredBatches() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM coordination_batch WHERE batch_id LIKE 'FEED%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
