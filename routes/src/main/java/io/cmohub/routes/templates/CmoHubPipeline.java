package io.cmohub.routes.templates;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.limits.RecordLimits;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.ledger.JdbcEventLedger;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.pipeline.DocumentIntake;
import io.cmohub.routes.pipeline.DocumentProcessor;
import io.cmohub.routes.pipeline.InboxFormats;
import io.cmohub.routes.pipeline.IntakeRoutes;
import io.cmohub.routes.pipeline.PipelineObserver;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The pieces of one embedded hub, assembled once and shared by every route that uses them: the
 * connector catalogue, the partner registry, the document store and registry, the event ledger
 * (deduplication), the audit trail and the default event publisher. It is what the route templates
 * look up (by default under {@value #BEAN_NAME}), and what a host without Spring builds in a few lines:
 *
 * <pre>{@code
 * CmoHubPipeline hub = CmoHubPipeline.builder()
 *         .dataSource(dataSource)                 // JDBC defaults for registry, ledger, audit, partners
 *         .migrateSchema(true)                    // needs flyway-core; or apply io/cmohub/db/migration yourself
 *         .documentsDirectory("/var/lib/esb/cmohub/documents")
 *         .partnersFile("classpath:cmohub-partners.json")
 *         .eventPublisher(new JmsEventPublisher(connectionFactory, "sponsor.events."))
 *         .build();
 * camel.getRegistry().bind(CmoHubPipeline.BEAN_NAME, hub);
 * camel.addRoutes(new CmoHubRouteTemplates());
 * }</pre>
 *
 * <p>Persistence is pluggable: give your own {@link DocumentStore}, {@link AuditTrail},
 * {@link PartnerDirectory} or {@link ConnectorCatalog}; what you do not give is the JDBC (or file
 * system) default on the data source. The document registry and the event ledger are JDBC only
 * (the ledger's claim is a database transaction held across the broker commit), so they always use
 * the data source (or are given as instances on it). The builder is also a Camel "builder class" for the YAML DSL's {@code beans:}.
 */
public final class CmoHubPipeline {
    /** The registry name the route templates look the pipeline up by, unless their {@code pipeline} parameter says otherwise. */
    public static final String BEAN_NAME = "cmohubPipeline";

    private final DataSource dataSource;
    private final ConnectorCatalog connectors;
    private final PartnerDirectory partners;
    private final DocumentStore store;
    private final JdbcDocumentRegistry registry;
    private final JdbcEventLedger ledger;
    private final AuditTrail audit;
    private final EventPublisher publisher;
    private final int publishBatchSize;
    private final PipelineObserver observer;
    private final RecordLimits recordLimits;
    private final DocumentIntake intake;
    private DocumentProcessor processor;

    private CmoHubPipeline(Builder b, DocumentStore store, AuditTrail audit, PartnerDirectory partners, ConnectorCatalog connectors) {
        this.dataSource = b.dataSource;
        this.connectors = connectors;
        this.partners = partners;
        this.store = store;
        this.registry = b.documentRegistry != null ? b.documentRegistry : new JdbcDocumentRegistry(b.dataSource);
        this.ledger = b.eventLedger != null ? b.eventLedger : new JdbcEventLedger(b.dataSource);
        this.audit = audit;
        this.publisher = b.eventPublisher;
        this.publishBatchSize = b.publishBatchSize;
        this.observer = b.observer;
        this.recordLimits = b.recordLimits;
        this.intake = new DocumentIntake(store, registry, audit, b.maxDocumentBytes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The database the pipeline was built on; null when every store was given as an instance instead. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The default publisher given to the builder; null when the host publishes through {@link #processor(EventPublisher)}. */
    public EventPublisher eventPublisher() {
        return publisher;
    }

    public ConnectorCatalog connectors() {
        return connectors;
    }

    public PartnerDirectory partners() {
        return partners;
    }

    public DocumentStore documentStore() {
        return store;
    }

    public JdbcDocumentRegistry documentRegistry() {
        return registry;
    }

    public JdbcEventLedger eventLedger() {
        return ledger;
    }

    public AuditTrail auditTrail() {
        return audit;
    }

    public DocumentIntake intake() {
        return intake;
    }

    public InboxFormats inboxFormats() {
        return new InboxFormats(partners);
    }

    /** The processor publishing through the default {@link EventPublisher}; one per pipeline, so its in-progress guard covers every route. */
    public synchronized DocumentProcessor processor() {
        if (processor == null) {
            if (publisher == null) {
                throw new IllegalStateException("this cmo-hub pipeline has no default event publisher: give one to the builder, "
                        + "or give each intake route its own publishUri");
            }
            processor = processor(publisher);
        }
        return processor;
    }

    /** A processor publishing through {@code otherPublisher}, e.g. a route's own Camel endpoint. */
    public DocumentProcessor processor(EventPublisher otherPublisher) {
        return new DocumentProcessor(connectors, partners, store, registry, ledger, otherPublisher, audit, publishBatchSize, observer, recordLimits);
    }

    /**
     * The gateway's fixed intake routes ({@code cmohub-process}, {@code cmohub-intake-jms},
     * {@code cmohub-intake-inbox}); they need the Camel properties described on {@link IntakeRoutes}.
     */
    public IntakeRoutes intakeRoutes() {
        return new IntakeRoutes(intake, processor(), inboxFormats(), registry);
    }

    /** Registers (creates or updates) partners; needs the JDBC partner directory. */
    public void seedPartners(List<PartnerSeed> seeds) {
        if (seeds.isEmpty()) {
            return;
        }
        if (!(partners instanceof JdbcPartnerDirectory jdbc)) {
            throw new IllegalStateException("partner seeds need the JDBC partner directory; this pipeline has a " + partners.getClass().getName()
                    + ", register the partners there");
        }
        for (PartnerSeed seed : seeds) {
            PartnerProfile profile = seed.toProfile();
            jdbc.save(profile, seed.apiKey(), seed.certificateSubject());
            audit.record(AuditEvent.success("system", "CONFIG_CHANGE").on("partner", seed.id()).because("seeded from configuration")
                    .details("products=" + profile.products().size() + " sites=" + profile.sites().size() + " formats="
                            + profile.formats().stream().map(PartnerProfile.PartnerFormat::formatId).toList()));
        }
    }

    /**
     * Builds a {@link CmoHubPipeline}. Fluent for Java; the same methods bind as properties when the
     * YAML DSL names this class as a bean's {@code builderClass}.
     */
    public static final class Builder {
        private DataSource dataSource;
        private DocumentStore documentStore;
        private String documentsDirectory;
        private AuditTrail auditTrail;
        private JdbcDocumentRegistry documentRegistry;
        private JdbcEventLedger eventLedger;
        private PartnerDirectory partnerDirectory;
        private ConnectorCatalog connectors;
        private EventPublisher eventPublisher;
        private long maxDocumentBytes = 256L * 1024 * 1024;
        private int publishBatchSize = 500;
        private PipelineObserver observer = PipelineObserver.NONE;
        private RecordLimits recordLimits = RecordLimits.DEFAULT;
        private boolean migrateSchema;
        private final List<PartnerSeed> partners = new ArrayList<>();
        private String partnersFile;

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Where the original documents are kept (the default {@link FileSystemDocumentStore}); created if missing. */
        public Builder documentsDirectory(String directory) {
            this.documentsDirectory = directory;
            return this;
        }

        public Builder documentStore(DocumentStore store) {
            this.documentStore = store;
            return this;
        }

        public Builder auditTrail(AuditTrail auditTrail) {
            this.auditTrail = auditTrail;
            return this;
        }

        /** An existing registry instance (e.g. a container's bean); default: one on the data source. */
        public Builder documentRegistry(JdbcDocumentRegistry documentRegistry) {
            this.documentRegistry = documentRegistry;
            return this;
        }

        /** An existing ledger instance (e.g. a container's bean); default: one on the data source. */
        public Builder eventLedger(JdbcEventLedger eventLedger) {
            this.eventLedger = eventLedger;
            return this;
        }

        public Builder partnerDirectory(PartnerDirectory partnerDirectory) {
            this.partnerDirectory = partnerDirectory;
            return this;
        }

        /** The formats this hub reads; default: every connector on the classpath ({@link ConnectorCatalog#load()}). */
        public Builder connectors(ConnectorCatalog connectors) {
            this.connectors = connectors;
            return this;
        }

        /** Where canonical events go unless an intake route names its own endpoint. */
        public Builder eventPublisher(EventPublisher eventPublisher) {
            this.eventPublisher = eventPublisher;
            return this;
        }

        /** Largest document accepted, in bytes (default 256 MiB); larger ones are refused, audited and not kept. */
        public Builder maxDocumentBytes(long maxDocumentBytes) {
            this.maxDocumentBytes = maxDocumentBytes;
            return this;
        }

        /** Canonical events per publish transaction (default 500). */
        /** The bounds on one source record (cells and characters of a CSV row, bytes of a JSON event or XML element, errors kept). */
        public Builder recordLimits(RecordLimits recordLimits) {
            this.recordLimits = Objects.requireNonNull(recordLimits, "recordLimits");
            return this;
        }

        public Builder publishBatchSize(int publishBatchSize) {
            this.publishBatchSize = publishBatchSize;
            return this;
        }

        public Builder observer(PipelineObserver observer) {
            this.observer = observer;
            return this;
        }

        /** Apply the hub's migrations with Flyway before anything else ({@link CmoHubSchema}); default false. */
        public Builder migrateSchema(boolean migrateSchema) {
            this.migrateSchema = migrateSchema;
            return this;
        }

        public Builder partner(PartnerSeed seed) {
            this.partners.add(seed);
            return this;
        }

        /** A JSON file of {@link PartnerSeed}s, {@code classpath:...} or a path; registered at build time. */
        public Builder partnersFile(String location) {
            this.partnersFile = location;
            return this;
        }

        public CmoHubPipeline build() {
            Objects.requireNonNull(dataSource, "a cmo-hub pipeline needs a dataSource (the document registry and event ledger are JDBC)");
            if (publishBatchSize < 1 || maxDocumentBytes < 1) {
                throw new IllegalArgumentException("publishBatchSize and maxDocumentBytes must be positive");
            }
            if (migrateSchema) {
                CmoHubSchema.migrate(dataSource);
            }
            try {
                DocumentStore store = documentStore;
                if (store == null) {
                    Objects.requireNonNull(documentsDirectory, "a cmo-hub pipeline needs a documentsDirectory or a documentStore");
                    store = new FileSystemDocumentStore(Files.createDirectories(Path.of(documentsDirectory)));
                }
                ClassLoader classLoader = CmoHubPipeline.class.getClassLoader();
                CmoHubPipeline pipeline = new CmoHubPipeline(this, store,
                        auditTrail != null ? auditTrail : new JdbcAuditTrail(dataSource),
                        partnerDirectory != null ? partnerDirectory : new JdbcPartnerDirectory(dataSource),
                        connectors != null ? connectors : ConnectorCatalog.load(classLoader));
                List<PartnerSeed> seeds = new ArrayList<>(partners);
                if (partnersFile != null && !partnersFile.isBlank()) {
                    seeds.addAll(PartnerSeed.read(partnersFile, classLoader));
                }
                pipeline.seedPartners(seeds);
                return pipeline;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
