package io.cmohub.routes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.HubDatabases;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake routes in plain Camel, as an embedding application would run them: no Spring, no broker. */
class InboxRouteTest {

    @Test
    void aFileTheHubFailedOnIsRetriedAsTheSameDocumentAndMovedOnlyAfterItsOutcome(@TempDir Path dir) throws Exception {
        List<CanonicalEvent> published = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        EventPublisher brokerDownOnce = (batch, documentId) -> {
            if (attempts.getAndIncrement() == 0) {
                throw new IllegalStateException("broker unavailable");
            }
            published.addAll(batch);
        };
        Hub hub = Hub.on(dir, brokerDownOnce);
        DataSource dataSource = hub.dataSource();
        JdbcDocumentRegistry registry = hub.registry();
        DocumentIntake intake = hub.intake();

        Path inbox = Files.createDirectories(dir.resolve("inbox").resolve("acme-cmo"));
        try (DefaultCamelContext camel = hub.camel(dir)) {

            Files.writeString(inbox.resolve("batches.csv"), "product_code,batch_id,status\n05012345678900,R1,RELEASED\n05012345678900,R2,RELEASED\n");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(inbox.resolve("done").resolve("batches.csv")).exists());

            // A document registered over another channel whose dispatch never happened is picked up by the sweeper.
            String orphan = intake.receive("acme-cmo", "csv-batch-record", "http", "orphan.csv",
                    new java.io.ByteArrayInputStream("product_code,batch_id,status\n05012345678900,R3,RELEASED\n".getBytes()), null).documentId();
            await().atMost(Duration.ofSeconds(20)).until(() -> registry.find(orphan).orElseThrow().status() == DocumentState.ACCEPTED);
        }

        assertThat(attempts.get()).isGreaterThanOrEqualTo(2);
        assertThat(published).hasSize(3);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(status) FROM document WHERE channel = 'inbox'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("one document for the file, however often it was polled").isEqualTo(1);
            assertThat(DocumentState.valueOf(rs.getString(2))).isEqualTo(DocumentState.ACCEPTED);
        }
    }

    /**
     * What a hostile partner can put in its inbox folder over SFTP: a link to a file of the hub, a FIFO, a
     * directory, names the file component would read as paths or that hide characters. Each is refused with
     * a reason in the partner's quarantine, moved aside unread, and the inbox keeps taking normal files.
     */
    @Test
    void linksDevicesDirectoriesAndUnsafeNamesAreRefusedUnreadAndTheInboxKeepsWorking(@TempDir Path dir) throws Exception {
        List<CanonicalEvent> published = new CopyOnWriteArrayList<>();
        Hub hub = Hub.on(dir, (batch, documentId) -> published.addAll(batch));
        DataSource dataSource = hub.dataSource();
        JdbcDocumentRegistry registry = hub.registry();
        FileSystemDocumentStore store = hub.store();
        Path secret = Files.writeString(dir.resolve("admin-api-key"), "SECRET-ADMIN-KEY-0123456789");
        Path inbox = Files.createDirectories(dir.resolve("inbox").resolve("acme-cmo"));
        Files.createSymbolicLink(inbox.resolve("k.csv"), secret);
        Files.createDirectories(inbox.resolve("sub.csv"));
        Files.createSymbolicLink(inbox.resolve("etc"), Path.of("/etc"));
        boolean fifo = new ProcessBuilder("mkfifo", inbox.resolve("pipe.csv").toString()).start().waitFor() == 0;
        java.nio.file.attribute.FileTime settled = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60));
        for (String name : List.of("sub\\..\\..\\x.csv", "bell\u0007.csv", "invoice\u202Evsc.csv", "a..b.csv")) {
            Files.setLastModifiedTime(Files.writeString(inbox.resolve(name), "product_code,batch_id,status\n05012345678900,B1,RELEASED\n"), settled);
        }

        try (DefaultCamelContext camel = hub.camel(dir)) {

            int refusals = 7 + (fifo ? 1 : 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> registry.quarantined("acme-cmo", 100, 0).size() == refusals);
            Files.writeString(inbox.resolve("normal.csv"), "product_code,batch_id,status\n05012345678900,N1,RELEASED\n");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(inbox.resolve("done").resolve("normal.csv")).exists());
        }

        assertThat(Files.readString(secret)).as("the link target is untouched").isEqualTo("SECRET-ADMIN-KEY-0123456789");
        assertThat(published).hasSize(1);
        List<String> reasons = new java.util.ArrayList<>();
        for (var document : registry.quarantined("acme-cmo", 100, 0)) {
            assertThat(document.status()).isEqualTo(DocumentState.REJECTED);
            assertThat(Files.exists(inbox.resolve("failed").resolve(document.documentId() + ".refused"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .as("moved aside under a safe name").isTrue();
            try (var content = store.source(document.documentId()).open()) {
                assertThat(new String(content.readAllBytes())).doesNotContain("SECRET");
            }
            reasons.add(registry.errors(document.documentId()).get(0).reason());
        }
        assertThat(reasons).anyMatch(r -> r.equals("inbox entry 'k.csv' is a symbolic link; only regular files are read, so it was moved aside unread"))
                .anyMatch(r -> r.contains("'sub.csv' is a directory"))
                .anyMatch(r -> r.contains("'etc' is a symbolic link"))
                .anyMatch(r -> r.contains("'sub\\..\\..\\x.csv' contains a backslash"))
                .anyMatch(r -> r.contains("'bell\\u0007.csv' contains the control character U+0007"))
                .anyMatch(r -> r.contains("contains the invisible character U+202E"))
                .anyMatch(r -> r.contains("'a..b.csv' contains '..'"));
        if (fifo) {
            assertThat(reasons).anyMatch(r -> r.contains("'pipe.csv' is not a regular file"));
        }
        assertThat(Files.readSymbolicLink(inbox.resolve("failed").resolve(registry.quarantined("acme-cmo", 100, 0).stream()
                .filter(d -> "k.csv".equals(d.originalName())).findFirst().orElseThrow().documentId() + ".refused"))).isEqualTo(secret);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'REJECT' AND outcome = 'FAILURE'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every refusal audited").isEqualTo(reasons.size());
        }
    }

    /** One embedded hub on H2 with partner acme-cmo (csv-batch-record, *.csv), publishing through {@code publisher}. */
    private record Hub(DataSource dataSource, JdbcDocumentRegistry registry, FileSystemDocumentStore store, JdbcPartnerDirectory partners,
                       DocumentIntake intake, DocumentProcessor processor) {

        static Hub on(Path dir, EventPublisher publisher) throws Exception {
            DataSource dataSource = HubDatabases.h2();
            JdbcDocumentRegistry registry = new JdbcDocumentRegistry(dataSource);
            JdbcAuditTrail audit = new JdbcAuditTrail(dataSource);
            JdbcPartnerDirectory partners = new JdbcPartnerDirectory(dataSource);
            partners.save(new PartnerProfile(PartnerId.of("acme-cmo"), "ACME", true, Set.of(ProductCode.of("05012345678900")),
                    Set.of(SiteId.of("ACME-LYON")), List.of(new PartnerProfile.PartnerFormat("csv-batch-record", "*.csv", Map.of()))), "k", null);
            FileSystemDocumentStore store = new FileSystemDocumentStore(dir.resolve("documents"));
            DocumentProcessor processor = new DocumentProcessor(ConnectorCatalog.load(), partners, store, registry, new JdbcEventLedger(dataSource),
                    publisher, audit, 100);
            return new Hub(dataSource, registry, store, partners, new DocumentIntake(store, registry, audit, 1_000_000), processor);
        }

        /** The intake routes in a started Camel context, the inbox under {@code dir/inbox}, dispatch over seda. */
        DefaultCamelContext camel(Path dir) throws Exception {
            DefaultCamelContext camel = new DefaultCamelContext();
            Properties properties = new Properties();
            properties.put("cmohub.dispatch.uri", "seda:dispatch");
            properties.put("cmohub.intake.jms.uri", "seda:jms-intake");
            properties.put("cmohub.sweeper.period-ms", "500");
            properties.put("cmohub.inbox.uri", "file:" + dir.resolve("inbox") + "?recursive=true&minDepth=2&maxDepth=2&delay=100&initialDelay=0"
                    + "&move=$simple{header.CmoHubInboxTarget}");
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.addRoutes(new IntakeRoutes(intake, processor, new InboxFormats(partners), registry));
            camel.start();
            return camel;
        }
    }
}
