package io.cmohub.examples.camelmain;

import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.routes.templates.CmoHubPipeline;
import io.cmohub.routes.templates.CmoHubRouteTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An existing plain Camel Main application that adds cmo-hub: no Spring anywhere. Everything the hub
 * needs is the host's own: its broker ({@link HostBroker}), its database (H2 here), its Camel context.
 *
 * <p>Run it with {@code java ... EmbeddedHubApplication [data-dir]} and drop a CMO export into
 * {@code <data-dir>/inbox/acme-cmo/}: its records arrive as CloudEvents on the host's queue
 * {@value HostBroker#EVENTS_QUEUE}, and the file moves to {@code ACCEPTED/}, {@code PARTIALLY_ACCEPTED/}
 * or {@code REJECTED/}; why records were rejected is in the hub's {@code document_error} table.
 */
public final class EmbeddedHubApplication implements AutoCloseable {
    private final HostBroker broker;
    private final Main main;
    private final CmoHubPipeline hub;

    private EmbeddedHubApplication(Path dataDir) throws Exception {
        broker = new HostBroker("host-" + dataDir.toAbsolutePath());
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/host") + ";DB_CLOSE_ON_EXIT=FALSE");

        // 1. The hub's pieces on the host's database and broker: JDBC registry, ledger and audit trail,
        //    documents on disk, partners from a JSON file, events to the host's JMS topics.
        hub = CmoHubPipeline.builder()
                .dataSource(database)
                .migrateSchema(true)
                .documentsDirectory(dataDir.resolve("documents").toString())
                .partnersFile("classpath:cmohub-partners.json")
                .eventPublisher(new JmsEventPublisher(broker.connectionFactory(), HostBroker.TOPIC_PREFIX))
                .build();

        // 2. Camel Main: the templates, the pipeline they use, and one route made from the intake template.
        Path inbox = Files.createDirectories(dataDir.resolve("inbox/acme-cmo"));
        main = new Main();
        main.bind(CmoHubPipeline.BEAN_NAME, hub);
        main.configure().withName("embedded-camel-main");
        main.configure().addRoutesBuilder(new CmoHubRouteTemplates());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                templatedRoute(CmoHubRouteTemplates.INTAKE_ID).routeId("acme-inbox")
                        .parameter("fromUri", "file:" + inbox + "?readLock=changed&readLockMinAge=500&initialDelay=0&delay=500"
                                // sorted by outcome: ACCEPTED/, PARTIALLY_ACCEPTED/ or REJECTED/. When the hub itself
                                // fails (broker or database down) the file stays and is taken up again.
                                + "&move=${header.CmoHubDocumentStatus}/${file:name}")
                        .parameter("partner", "acme-cmo")
                        .parameter("format", "csv-batch-record");
            }
        });
    }

    /** Starts the broker, the database and Camel; returns once the routes are up. */
    public static EmbeddedHubApplication start(Path dataDir) throws Exception {
        EmbeddedHubApplication app = new EmbeddedHubApplication(dataDir);
        app.main.start();
        return app;
    }

    public HostBroker broker() {
        return broker;
    }

    public Main camel() {
        return main;
    }

    @Override
    public void close() throws Exception {
        main.stop();
        broker.close();
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "./data");
        try (EmbeddedHubApplication app = start(dataDir)) {
            System.out.println("Drop CMO batch-record CSV files into " + dataDir.resolve("inbox/acme-cmo").toAbsolutePath()
                    + "; canonical events go to the JMS queue " + HostBroker.EVENTS_QUEUE + ". Ctrl-C stops.");
            Thread.currentThread().join();
        }
    }
}
