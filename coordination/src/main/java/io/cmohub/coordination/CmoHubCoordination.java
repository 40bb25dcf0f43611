package io.cmohub.coordination;

import io.cmohub.coordination.cases.CaseCoordinator;
import io.cmohub.coordination.cases.CaseViews;
import io.cmohub.coordination.cases.CoordinationSettings;
import io.cmohub.coordination.cases.EamsStatusWriter;
import io.cmohub.coordination.evidence.EvidenceDispatcher;
import io.cmohub.coordination.evidence.EvidenceTemplates;
import io.cmohub.coordination.evidence.PortalEvidenceDispatcher;
import io.cmohub.coordination.packstates.HubPackStates;
import io.cmohub.coordination.packstates.PackStateQueryRunner;
import io.cmohub.coordination.packstates.PackStateSweeps;
import io.cmohub.coordination.liaison.Channel;
import io.cmohub.coordination.liaison.ChannelType;
import io.cmohub.coordination.liaison.Contact;
import io.cmohub.coordination.liaison.LiaisonRegister;
import io.cmohub.coordination.outbox.OutboxDelivery;
import io.cmohub.coordination.reconcile.Reconciler;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.release.ReleaseCheck;
import io.cmohub.coordination.scorecard.Scorecard;
import io.cmohub.coordination.sla.SlaSweeper;
import io.cmohub.euhub.EuHubGateway;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.store.DocumentStore;
import io.cmohub.routes.templates.CmoHubPipeline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.camel.RoutesBuilder;

/**
 * Alert coordination for an embedding host, without Spring: the batch registry, liaison register,
 * case workflow, release check, outbox and SLA sweeper on the pipeline's database, audit trail and
 * document store, wired the way the standalone gateway wires them.
 *
 * <pre>{@code
 * CmoHubCoordination coordination = CmoHubCoordination.builder()
 *         .pipeline(hub)                     // the CmoHubPipeline: database, audit trail, document store
 *         .euHub(euHubGateway)               // the vendor-neutral EU Hub client (or the simulator's)
 *         .eventPublisher(jmsPublisher)      // where case and evidence-request events go
 *         .sponsorQa("QA on duty", "qa@sponsor.example")
 *         .build();
 * camelContext.addRoutes(coordination.routes()); // needs the property cmohub.coordination.events.uri
 * camelContext.addRoutes(coordination.packStates().routes()); // pack-state queries and sweeps
 * }</pre>
 *
 * The host feeds {@code cmohub.coordination.events.uri} with the canonical events the pipeline publishes
 * (batches, packaging runs, serialisation events, upload rejections) and the alerts; see
 * {@link CoordinationRoutes} for the three routes. Its tables are the hub's migrations from V2 on
 * ({@link io.cmohub.routes.templates.CmoHubSchema} applies them with this module on the classpath).
 */
public final class CmoHubCoordination {
    private final BatchRegistry registry;
    private final LiaisonRegister liaisons;
    private final CaseCoordinator cases;
    private final ReleaseCheck releaseCheck;
    private final OutboxDelivery outbox;
    private final SlaSweeper sweeper;
    private final CoordinationEvents events;
    private final Scorecard scorecard;
    private final HubPackStates packStates;

    private CmoHubCoordination(Builder b) {
        DataSource dataSource = Objects.requireNonNull(b.dataSource, "dataSource (or pipeline)");
        AuditTrail audit = Objects.requireNonNull(b.audit, "auditTrail (or pipeline)");
        DocumentStore documents = Objects.requireNonNull(b.documents, "documentStore (or pipeline)");
        EuHubGateway hub = Objects.requireNonNull(b.euHub, "euHub");
        EventPublisher publisher = Objects.requireNonNull(b.publisher, "eventPublisher");
        CoordinationSettings settings = Objects.requireNonNull(b.settings, "settings (or sponsorQa)");
        registry = new BatchRegistry(dataSource, audit, b.clock);
        liaisons = new LiaisonRegister(dataSource, audit, b.clock);
        cases = new CaseCoordinator(dataSource, audit, b.clock, registry, liaisons, b.templates, new Reconciler(hub, registry, b.clock), documents,
                settings);
        releaseCheck = new ReleaseCheck(registry, hub, audit, b.clock, dataSource, settings.eventSource());
        List<EvidenceDispatcher> dispatchers = new ArrayList<>(b.dispatchers);
        dispatchers.add(new PortalEvidenceDispatcher());
        outbox = new OutboxDelivery(dataSource, audit, b.clock, settings.node(), dispatchers, publisher, b.eams, OutboxDelivery.Settings.DEFAULTS);
        sweeper = new SlaSweeper(dataSource, b.clock, settings.node(), cases, b.sweepBatchSize);
        events = new CoordinationEvents(registry, cases);
        scorecard = Scorecard.onBusinessCalendars(dataSource, liaisons);
        packStates = new HubPackStates(dataSource, registry, hub, publisher, audit, b.clock, settings.node(), HubPackStates.DEFAULT_MAX_PACKS,
                PackStateQueryRunner.Settings.DEFAULTS, PackStateSweeps.Settings.DEFAULTS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The three coordination routes (events in, SLA sweep, outbox delivery) to add to the host's Camel context. */
    public RoutesBuilder routes() {
        return new CoordinationRoutes(events, sweeper, outbox);
    }

    /**
     * EU Hub pack-state queries for sponsor systems: submit, progress, results. Their routes, which ask
     * the Hub in the background and run the sweeps, are {@code packStates().routes()}.
     */
    public HubPackStates packStates() {
        return packStates;
    }

    public BatchRegistry registry() {
        return registry;
    }

    public LiaisonRegister liaisons() {
        return liaisons;
    }

    public CaseCoordinator cases() {
        return cases;
    }

    public CaseViews caseViews() {
        return cases.views();
    }

    public ReleaseCheck releaseCheck() {
        return releaseCheck;
    }

    public OutboxDelivery outbox() {
        return outbox;
    }

    public SlaSweeper sweeper() {
        return sweeper;
    }

    public CoordinationEvents events() {
        return events;
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    /** Collects the parts; {@link #build()} checks that the required ones are there. */
    public static final class Builder {
        private DataSource dataSource;
        private AuditTrail audit;
        private DocumentStore documents;
        private EuHubGateway euHub;
        private EventPublisher publisher;
        private CoordinationSettings settings;
        private Clock clock = Clock.systemUTC();
        private EvidenceTemplates templates = EvidenceTemplates.defaults();
        private final List<EvidenceDispatcher> dispatchers = new ArrayList<>();
        private EamsStatusWriter eams = EamsStatusWriter.NONE;
        private String node = "embedded";
        private int sweepBatchSize = 100;

        private Builder() {
        }

        /** Takes the database, audit trail, document store and (when it has one) the event publisher of the host's pipeline. */
        public Builder pipeline(CmoHubPipeline pipeline) {
            if (pipeline.eventPublisher() != null && publisher == null) {
                eventPublisher(pipeline.eventPublisher());
            }
            return dataSource(pipeline.dataSource()).auditTrail(pipeline.auditTrail()).documentStore(pipeline.documentStore());
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder auditTrail(AuditTrail audit) {
            this.audit = audit;
            return this;
        }

        public Builder documentStore(DocumentStore documents) {
            this.documents = documents;
            return this;
        }

        public Builder euHub(EuHubGateway euHub) {
            this.euHub = euHub;
            return this;
        }

        public Builder eventPublisher(EventPublisher publisher) {
            this.publisher = publisher;
            return this;
        }

        /** Escalations go to sponsor QA by e-mail at this address; {@link #settings} for any other channel. */
        public Builder sponsorQa(String name, String email) {
            return settings(new CoordinationSettings(CoordinationSettings.DEFAULT_SOURCE, new Contact(name, email), new Channel(ChannelType.EMAIL, email, null),
                    0.5, 25L * 1024 * 1024, node));
        }

        public Builder settings(CoordinationSettings settings) {
            this.settings = settings;
            this.node = settings.node();
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder evidenceTemplates(EvidenceTemplates templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /** A channel to the CMOs (webhook, e-mail); the portal, where a liaison answers, is always there. */
        public Builder dispatcher(EvidenceDispatcher dispatcher) {
            dispatchers.add(Objects.requireNonNull(dispatcher, "dispatcher"));
            return this;
        }

        public Builder eams(EamsStatusWriter eams) {
            this.eams = Objects.requireNonNull(eams, "eams");
            return this;
        }

        public Builder sweepBatchSize(int sweepBatchSize) {
            this.sweepBatchSize = sweepBatchSize;
            return this;
        }

        public CmoHubCoordination build() {
            return new CmoHubCoordination(this);
        }
    }
}
