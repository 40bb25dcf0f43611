package io.cmohub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.AuditVerification;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.pipeline.DocumentIntake;
import io.cmohub.routes.pipeline.DocumentProcessor;
import io.cmohub.routes.publish.EventHeaders;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processing pipeline against real components: an embedded Artemis broker, a real database
 * (H2, and PostgreSQL in CI) with the Flyway migrations, the file-system document store and the
 * real connectors. Shared by the H2 and PostgreSQL runs.
 */
abstract class PipelineTest {
    /** Batch ids are unique per test: the broker is shared, and its duplicate detection remembers every event id. */
    String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String csv = """
            product_code,batch_id,status,site_id,expiry,markets
            05012345678900,B1-%1$s,RELEASED,ACME-LYON,270600,DE|FR
            05012345678900,B2-%1$s,RELEASED,ACME-LYON,270600,DE
            05012345678900,B3-%1$s,PLANNED,ACME-LYON,,FR
            """.formatted(run);

    static EmbeddedActiveMQ broker;
    static ActiveMQConnectionFactory connectionFactory;

    DataSource dataSource;
    JdbcDocumentRegistry registry;
    JdbcAuditTrail audit;
    DocumentIntake intake;
    DocumentProcessor processor;
    JmsEventPublisher publisher;

    abstract DataSource database();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0"));
        broker.start();
        connectionFactory = new ActiveMQConnectionFactory("vm://0");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        connectionFactory.close();
        broker.stop();
    }

    void setUp(Path storeDir) throws Exception {
        dataSource = database();
        registry = new JdbcDocumentRegistry(dataSource);
        audit = new JdbcAuditTrail(dataSource);
        JdbcPartnerDirectory partners = new JdbcPartnerDirectory(dataSource);
        partners.save(new PartnerProfile(PartnerId.of("acme-cmo"), "ACME CMO", true, Set.of(ProductCode.of("05012345678900")),
                Set.of(SiteId.of("ACME-LYON")), List.of(new PartnerProfile.PartnerFormat("csv-batch-record", "*.csv", Map.of()))), "acme-key", null);
        FileSystemDocumentStore store = new FileSystemDocumentStore(storeDir);
        intake = new DocumentIntake(store, registry, audit, 10_000_000);
        publisher = new JmsEventPublisher(connectionFactory, JmsEventPublisher.DEFAULT_TOPIC_PREFIX);
        processor = new DocumentProcessor(ConnectorCatalog.load(), partners, store, registry, new JdbcEventLedger(dataSource), publisher, audit, 2);
    }

    String receive(String csv) throws Exception {
        DocumentRecord record = intake.receive("acme-cmo", "csv-batch-record", "test", "batches.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null);
        return record.documentId();
    }

    List<TextMessage> drain(MessageConsumer consumer) throws Exception {
        List<TextMessage> messages = new ArrayList<>();
        Message message;
        while ((message = consumer.receive(500)) != null) {
            messages.add((TextMessage) message);
        }
        return messages;
    }

    @Test
    void publishesEachRecordOnceAndNeverAgainForAReSentFile(@TempDir Path dir) throws Exception {
        setUp(dir);
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic("cmohub.events.batch"));

            String first = receive(csv);
            assertThat(processor.process(first)).isEqualTo(DocumentState.ACCEPTED);
            List<TextMessage> events = drain(consumer);
            assertThat(events).hasSize(3);
            assertThat(events.get(0).getStringProperty(EventHeaders.PARTNER)).isEqualTo("acme-cmo");
            assertThat(events.get(0).getStringProperty(EventHeaders.MARKETS)).isEqualTo("|DE|FR|");
            assertThat(events.get(0).getText()).contains("\"type\":\"io.cmohub.batch.updated.v1\"");

            String again = receive(csv);
            assertThat(processor.process(again)).isEqualTo(DocumentState.ACCEPTED);
            assertThat(drain(consumer)).isEmpty();
            DocumentRecord second = registry.find(again).orElseThrow();
            assertThat(second.published()).isZero();
            assertThat(second.duplicates()).isEqualTo(3);

            // A processed document is not processed again when its dispatch message is redelivered.
            assertThat(processor.process(first)).isEqualTo(DocumentState.ACCEPTED);
            assertThat(drain(consumer)).isEmpty();
        }
    }

    @Test
    void recordsForAnotherPartnersProductOrSiteAreRefusedAndAudited(@TempDir Path dir) throws Exception {
        setUp(dir);
        String id = receive("""
                product_code,batch_id,status,site_id
                05012345678900,B10-%1$s,RELEASED,ACME-LYON
                04012345000023,B11-%1$s,RELEASED,ACME-LYON
                05012345678900,B12-%1$s,RELEASED,OTHER-SITE
                """.formatted(run));
        assertThat(processor.process(id)).isEqualTo(DocumentState.PARTIALLY_ACCEPTED);
        DocumentRecord record = registry.find(id).orElseThrow();
        assertThat(record.published()).isEqualTo(1);
        assertThat(record.rejectedRecords()).isEqualTo(2);
        assertThat(registry.errors(id)).extracting(e -> e.location() + " " + e.field() + " " + e.reason()).containsExactly(
                "line 3 product not authorised: product 04012345000023 is not registered to partner 'acme-cmo'",
                "line 4 site not authorised: site OTHER-SITE is not registered to partner 'acme-cmo'");
        try (var c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'RECORD_REJECTED' AND outcome = 'DENIED'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void unknownPartnerOrUnregisteredFormatIsRejectedWithAReasonAndKept(@TempDir Path dir) throws Exception {
        setUp(dir);
        String id = intake.receive("acme-cmo", "canonical-json", "test", "x.json", new ByteArrayInputStream("{}".getBytes()), null).documentId();
        assertThat(processor.process(id)).isEqualTo(DocumentState.REJECTED);
        assertThat(registry.errors(id).get(0).reason()).isEqualTo("format 'canonical-json' is not registered for partner 'acme-cmo'");
        assertThat(registry.quarantined(null, 10, 0)).extracting(DocumentRecord::documentId).contains(id);
    }

    @Test
    void aBatchTheBrokerHasSeenButTheLedgerHasNotIsNotPublishedTwice(@TempDir Path dir) throws Exception {
        setUp(dir);
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic("cmohub.events.batch"));
            processor.process(receive(csv));
            assertThat(drain(consumer)).hasSize(3);

            // Simulate the crash window: the broker committed, the ledger never heard of it.
            try (var c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM published_event");
            }
            String extra = csv + "05012345678900,B4-" + run + ",PLANNED,ACME-LYON,,FR\n";
            assertThat(processor.process(receive(extra))).isEqualTo(DocumentState.ACCEPTED);
            List<TextMessage> second = drain(consumer);
            assertThat(second).hasSize(1);
            assertThat(second.get(0).getText()).contains("B4-" + run);
        }
    }

    @Test
    void theSameRecordsProcessedConcurrentlyInTwoDocumentsArePublishedOnce(@TempDir Path dir) throws Exception {
        setUp(dir);
        StringBuilder many = new StringBuilder("product_code,batch_id,status,site_id\n");
        for (int i = 0; i < 300; i++) {
            many.append("05012345678900,P").append(i).append('-').append(run).append(",RELEASED,ACME-LYON\n");
        }
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic("cmohub.events.batch"));
            List<String> documents = new ArrayList<>();
            for (int copy = 0; copy < 4; copy++) {
                documents.add(receive(many.toString()));
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<DocumentState>> results = new ArrayList<>();
            for (String document : documents) {
                results.add(pool.submit(() -> processor.process(document)));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(DocumentState.ACCEPTED);
            }
            pool.shutdown();
            List<TextMessage> events = drain(consumer);
            assertThat(events).hasSize(300);
            assertThat(events.stream().map(m -> {
                try {
                    return m.getStringProperty(EventHeaders.EVENT_ID);
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().count()).isEqualTo(300);
            long published = 0;
            for (String document : documents) {
                published += registry.find(document).orElseThrow().published();
            }
            assertThat(published).isEqualTo(300);
        }
    }

    @Test
    void aDocumentThatFailsOnEveryAttemptIsRejectedWithTheFailureNotLost(@TempDir Path dir) throws Exception {
        setUp(dir);
        String id = receive(csv);
        processor.giveUp(id, new java.nio.file.NoSuchFileException("documents/xx/" + id), 10);
        DocumentRecord record = registry.find(id).orElseThrow();
        assertThat(record.status()).isEqualTo(DocumentState.REJECTED);
        assertThat(registry.errors(id).get(0).reason()).contains("processing failed 10 times").contains("NoSuchFileException");
        assertThat(registry.quarantined(null, 10, 0)).extracting(DocumentRecord::documentId).contains(id);
    }

    @Test
    void anOutcomeIsNeverRecordedWithoutItsAuditRows(@TempDir Path dir) throws Exception {
        setUp(dir);
        String id = receive(csv);
        String headHash;
        long headSeq;
        try (var c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT seq, hash FROM audit_head")) {
            rs.next();
            headSeq = rs.getLong(1);
            headHash = rs.getString(2);
        }
        try (var c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_head"); // the audit trail cannot be written
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> processor.process(id)).isInstanceOf(RuntimeException.class);
        assertThat(registry.find(id).orElseThrow().status()).isEqualTo(DocumentState.PROCESSING);

        try (var c = dataSource.getConnection(); var s = c.prepareStatement("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)")) {
            s.setLong(1, headSeq);
            s.setString(2, headHash);
            s.executeUpdate();
        }
        assertThat(processor.process(id)).isEqualTo(DocumentState.ACCEPTED);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void auditChainVerifiesAndDetectsAnEditedRow(@TempDir Path dir) throws Exception {
        setUp(dir);
        processor.process(receive(csv));
        AuditVerification ok = audit.verify();
        assertThat(ok.valid()).isTrue();
        assertThat(ok.rowsChecked()).isGreaterThanOrEqualTo(3);

        try (var c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_event SET reason = 'nothing to see' WHERE seq = 2");
        }
        AuditVerification tampered = audit.verify();
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.firstBadSeq()).isEqualTo(2);
        assertThat(tampered.problem()).contains("changed after it was written");
    }

    @Test
    void auditChainDetectsADeletedRow(@TempDir Path dir) throws Exception {
        setUp(dir);
        processor.process(receive(csv));
        try (var c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_event WHERE seq = 1");
        }
        assertThat(audit.verify().problem()).contains("row 1 is missing");
    }

    @Test
    void storedDocumentKeepsTheOriginalBytes(@TempDir Path dir) throws Exception {
        setUp(dir);
        String id = receive(csv);
        DocumentRecord record = registry.find(id).orElseThrow();
        assertThat(record.sizeBytes()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
        try (var files = Files.walk(dir)) {
            Path stored = files.filter(p -> p.getFileName().toString().equals(id)).findFirst().orElseThrow();
            assertThat(Files.readString(stored)).isEqualTo(csv);
        }
    }
}
