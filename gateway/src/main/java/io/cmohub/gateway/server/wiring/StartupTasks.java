package io.cmohub.gateway.server.wiring;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs once the routes are up: seeds the demo partner of the embedded default (the partners of
 * {@code cmohub.partners} are seeded by the starter when it builds the pipeline), then dispatches
 * again every document that was received but not finished, so that a crash between receipt and
 * processing loses nothing.
 */
@Component
public class StartupTasks implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    private final CmoHubProperties properties;
    private final io.cmohub.spring.boot.CmoHubProperties hub;
    private final JdbcPartnerDirectory partners;
    private final JdbcDocumentRegistry registry;
    private final AuditTrail audit;
    private final Dispatcher dispatcher;
    private final EmbeddedDefault installation;

    @org.springframework.beans.factory.annotation.Autowired
    public StartupTasks(CmoHubProperties properties, io.cmohub.spring.boot.CmoHubProperties hub, JdbcPartnerDirectory partners,
                        JdbcDocumentRegistry registry, AuditTrail audit, Dispatcher dispatcher, org.springframework.core.env.Environment environment) {
        this(properties, hub, partners, registry, audit, dispatcher, EmbeddedDefault.of(environment));
    }

    StartupTasks(CmoHubProperties properties, io.cmohub.spring.boot.CmoHubProperties hub, JdbcPartnerDirectory partners,
                 JdbcDocumentRegistry registry, AuditTrail audit, Dispatcher dispatcher, EmbeddedDefault installation) {
        this.installation = installation;
        this.properties = properties;
        this.hub = hub;
        this.partners = partners;
        this.registry = registry;
        this.audit = audit;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoWanted()) {
            seedDemoPartner();
        } else {
            disableDemoPartner();
        }
        List<DocumentRecord> unfinished = registry.unfinished();
        for (DocumentRecord document : unfinished) {
            dispatcher.dispatch(document.documentId());
        }
        if (!unfinished.isEmpty()) {
            LOG.info("dispatched {} unfinished documents again after start-up", unfinished.size());
        }
    }

    /**
     * The demo partner's key is printed in the README: it may only ever open the embedded default,
     * where the walk-through runs. Asked for anywhere else, the start stops rather than open a
     * production database or a TLS endpoint to everyone who read the README.
     */
    private boolean demoWanted() {
        Boolean wanted = properties.getDemo().getEnabled();
        if (wanted == null) {
            return installation.isEmbeddedDefault();
        }
        if (wanted && !installation.isEmbeddedDefault()) {
            throw new IllegalStateException("cmohub.demo.enabled=true, but this gateway is not the embedded default (" + installation.describe()
                    + "): the demo partner's key is public and is only seeded on H2 without TLS; remove cmohub.demo.enabled and register real partners");
        }
        return wanted;
    }

    /**
     * The demo partner, unless {@code cmohub.partners} configures a partner of the same id: that one
     * (seeded by the starter) wins, as it did when the demo was seeded first and the configuration after it.
     */
    private void seedDemoPartner() {
        String id = properties.getDemo().getPartnerId();
        if (hub.getPartners().stream().anyMatch(p -> id.equals(p.getId()))) {
            return;
        }
        PartnerProfile profile = demoProfile();
        partners.save(profile, properties.getDemo().getApiKey(), null);
        LOG.warn("the demo partner '{}' is active with the public key from the README ({}); anyone who can reach this gateway can send "
                + "documents as it. Set cmohub.demo.enabled=false, or use another database, before real data arrives", id, installation.describe());
        audit.record(AuditEvent.success("system", "CONFIG_CHANGE").on("partner", id).because("seeded from configuration")
                .details("products=" + profile.products().size() + " sites=" + profile.sites().size() + " formats="
                        + profile.formats().stream().map(PartnerProfile.PartnerFormat::formatId).toList()));
    }

    /** Turning the demo off must also take away its well-known key if an earlier start seeded it. */
    private void disableDemoPartner() {
        if (hub.getPartners().stream().anyMatch(p -> properties.getDemo().getPartnerId().equals(p.getId()))) {
            return; // a configured partner with the demo's id is not the demo: it keeps its own key and stays enabled
        }
        PartnerId demo = PartnerId.of(properties.getDemo().getPartnerId());
        partners.find(demo).filter(PartnerProfile::enabled).ifPresent(profile -> {
            partners.save(new PartnerProfile(profile.id(), profile.name(), false, profile.products(), profile.sites(), profile.formats()), null, null);
            audit.record(AuditEvent.success("system", "CONFIG_CHANGE").on("partner", demo.value())
                    .because("demo partner disabled (cmohub.demo.enabled=false, or this is not the embedded default: " + installation.describe() + ")"));
        });
    }

    private PartnerProfile demoProfile() {
        List<PartnerProfile.PartnerFormat> formats = List.of(
                new PartnerProfile.PartnerFormat("csv-batch-record", "*.csv", Map.of()),
                new PartnerProfile.PartnerFormat("canonical-json", "*.*json", Map.of()));
        return new PartnerProfile(PartnerId.of(properties.getDemo().getPartnerId()), "ACME Contract Manufacturing (demo)", true,
                Set.of(ProductCode.of("05012345678900"), ProductCode.of("111234567842")), Set.of(SiteId.of("ACME-LYON"), SiteId.of("ACME-KOELN")),
                formats);
    }

    /** Sends a document id to the processing queue. */
    @Component
    public static class Dispatcher {
        private final ProducerTemplate producer;

        public Dispatcher(ProducerTemplate producer) {
            this.producer = producer;
        }

        public void dispatch(String documentId) {
            producer.sendBody("{{cmohub.dispatch.uri}}", documentId);
        }
    }
}
