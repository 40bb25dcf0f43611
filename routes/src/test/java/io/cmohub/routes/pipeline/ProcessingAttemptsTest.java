package io.cmohub.routes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import io.cmohub.routes.store.StoreException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attempts are counted in the database: a document that keeps failing is given up, an outage of the hub's own infrastructure is not its fault. */
class ProcessingAttemptsTest {
    private static final String CSV = "product_code,batch_id,status\n05012345678900,A1,RELEASED\n";
    @TempDir
    Path dir;
    private DataSource dataSource;
    private JdbcDocumentRegistry registry;
    private FileSystemDocumentStore store;
    private JdbcAuditTrail audit;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<CanonicalEvent> published = new CopyOnWriteArrayList<>();
    private DocumentProcessor processor;
    private DocumentIntake intake;

    @BeforeEach
    void hub() throws Exception {
        dataSource = HubDatabases.h2();
        registry = new JdbcDocumentRegistry(dataSource);
        audit = new JdbcAuditTrail(dataSource);
        JdbcPartnerDirectory partners = new JdbcPartnerDirectory(dataSource);
        partners.save(new PartnerProfile(PartnerId.of("acme-cmo"), "ACME", true, Set.of(ProductCode.of("05012345678900")), Set.of(SiteId.of("ACME-LYON")),
                List.of(new PartnerProfile.PartnerFormat("csv-batch-record", "*.csv", Map.of()))), "k", null);
        store = new FileSystemDocumentStore(dir.resolve("documents"));
        EventPublisher publisher = (batch, documentId) -> {
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
            published.addAll(batch);
        };
        processor = new DocumentProcessor(ConnectorCatalog.load(), partners, store, registry, new JdbcEventLedger(dataSource), publisher, audit, 100);
        intake = new DocumentIntake(store, registry, audit, 1_000_000);
    }

    private String receive() throws Exception {
        return intake.receive("acme-cmo", "csv-batch-record", "http", "a.csv", new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), null)
                .documentId();
    }

    @Test
    void aBrokerOutageIsRetriedAsOftenAsItLastsWithoutCountingAgainstTheDocument() throws Exception {
        String id = receive();
        failure.set(new PublishFailedException("broker unavailable", new IllegalStateException("connection refused")));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> processor.process(id, 2)).isInstanceOf(PublishFailedException.class);
        }
        DocumentRecord waiting = registry.find(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DocumentState.PROCESSING);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.lastFailure()).contains("broker unavailable");

        failure.set(null);
        assertThat(processor.process(id, 2)).isEqualTo(DocumentState.ACCEPTED);
        assertThat(published).hasSize(1);
    }

    @Test
    void aDocumentThatKeepsFailingIsGivenUpAfterTheMaximumWithItsLastFailure() throws Exception {
        String id = receive();
        failure.set(new IllegalArgumentException("connector bug on this document"));
        assertThatThrownBy(() -> processor.process(id, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> processor.process(id, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(processor.process(id, 2)).isEqualTo(DocumentState.REJECTED);
        assertThat(registry.errors(id).get(0).reason()).isEqualTo("processing was started 2 times without finishing (limit "
                + "cmohub.dispatch.max-attempts=2); last failure: java.lang.IllegalArgumentException: connector bug on this document");
    }

    @Test
    void aDocumentWhoseProcessingKilledTheProcessIsGivenUpAcrossRestarts() throws Exception {
        String id = receive();
        for (int i = 0; i < 3; i++) {
            registry.markProcessing(id); // started, then the JVM died (out of memory, killed): nothing recorded the end
        }
        DocumentProcessor afterRestart = processor;
        assertThat(afterRestart.process(id, 3)).isEqualTo(DocumentState.REJECTED);
        assertThat(registry.errors(id).get(0).reason()).contains("started 3 times without finishing")
                .contains("none recorded, the process stopped during processing (e.g. out of memory or killed)");
    }

    @Test
    void aRegistrationTheDatabaseRefusesLeavesNoOrphanBehind() throws Exception {
        DataSource down = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused: the database is down");
                    }
                    return method.invoke(dataSource, args);
                });
        DocumentIntake broken = new DocumentIntake(store, new JdbcDocumentRegistry(down), audit, 1_000_000);
        assertThatThrownBy(() -> broken.receive("acme-cmo", "csv-batch-record", "http", "a.csv",
                new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), null)).isInstanceOf(StoreException.class);
        try (var files = Files.walk(dir.resolve("documents"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no stored original without a registration").isEmpty();
        }
    }
}
