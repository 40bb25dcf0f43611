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
        DataSource dataSource = HubDatabases.h2();
        JdbcDocumentRegistry registry = new JdbcDocumentRegistry(dataSource);
        JdbcAuditTrail audit = new JdbcAuditTrail(dataSource);
        JdbcPartnerDirectory partners = new JdbcPartnerDirectory(dataSource);
        partners.save(new PartnerProfile(PartnerId.of("acme-cmo"), "ACME", true, Set.of(ProductCode.of("05012345678900")), Set.of(SiteId.of("ACME-LYON")),
                List.of(new PartnerProfile.PartnerFormat("csv-batch-record", "*.csv", Map.of()))), "k", null);
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir.resolve("documents"));
        List<CanonicalEvent> published = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        EventPublisher brokerDownOnce = (batch, documentId) -> {
            if (attempts.getAndIncrement() == 0) {
                throw new IllegalStateException("broker unavailable");
            }
            published.addAll(batch);
        };
        DocumentIntake intake = new DocumentIntake(store, registry, audit, 1_000_000);
        DocumentProcessor processor = new DocumentProcessor(ConnectorCatalog.load(), partners, store, registry, new JdbcEventLedger(dataSource),
                brokerDownOnce, audit, 100);

        Path inbox = Files.createDirectories(dir.resolve("inbox").resolve("acme-cmo"));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.put("cmohub.dispatch.uri", "seda:dispatch");
            properties.put("cmohub.intake.jms.uri", "seda:jms-intake");
            properties.put("cmohub.sweeper.period-ms", "500");
            properties.put("cmohub.inbox.uri", "file:" + dir.resolve("inbox") + "?recursive=true&minDepth=2&maxDepth=2&delay=100&initialDelay=0"
                    + "&move=$simple{header.CmoHubInboxTarget}");
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.addRoutes(new IntakeRoutes(intake, processor, new InboxFormats(partners), registry));
            camel.start();

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
}
