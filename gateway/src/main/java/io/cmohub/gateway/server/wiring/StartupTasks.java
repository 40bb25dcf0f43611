package io.cmohub.gateway.server.wiring;

import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import io.cmohub.routes.partner.PartnerProfile;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs once the routes are up: seeds the partner registry from configuration (and the demo partner
 * of the embedded default), then dispatches again every document that was received but not
 * finished, so that a crash between receipt and processing loses nothing.
 */
@Component
public class StartupTasks implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    private final CmoHubProperties properties;
    private final JdbcPartnerDirectory partners;
    private final JdbcDocumentRegistry registry;
    private final JdbcAuditTrail audit;
    private final Dispatcher dispatcher;

    public StartupTasks(CmoHubProperties properties, JdbcPartnerDirectory partners, JdbcDocumentRegistry registry, JdbcAuditTrail audit,
                        Dispatcher dispatcher) {
        this.properties = properties;
        this.partners = partners;
        this.registry = registry;
        this.audit = audit;
        this.dispatcher = dispatcher;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<CmoHubProperties.PartnerSeed> seeds = new ArrayList<>(properties.getPartners());
        if (properties.getDemo().isEnabled()) {
            seeds.add(0, demoPartner());
        }
        for (CmoHubProperties.PartnerSeed seed : seeds) {
            PartnerProfile profile = profile(seed);
            partners.save(profile, seed.getApiKey(), seed.getCertificateSubject());
            audit.record("system", "CONFIG_CHANGE", "partner", seed.getId(), "SUCCESS", "seeded from configuration",
                    "products=" + profile.products().size() + " sites=" + profile.sites().size() + " formats="
                            + profile.formats().stream().map(PartnerProfile.PartnerFormat::formatId).toList());
        }
        if (!properties.getDemo().isEnabled()) {
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

    /** Turning the demo off must also take away its well-known key if an earlier start seeded it. */
    private void disableDemoPartner() {
        PartnerId demo = PartnerId.of(properties.getDemo().getPartnerId());
        partners.find(demo).filter(PartnerProfile::enabled).ifPresent(profile -> {
            partners.save(new PartnerProfile(profile.id(), profile.name(), false, profile.products(), profile.sites(), profile.formats()), null, null);
            audit.record("system", "CONFIG_CHANGE", "partner", demo.value(), "SUCCESS", "demo partner disabled (cmohub.demo.enabled=false)", null);
        });
    }

    private CmoHubProperties.PartnerSeed demoPartner() {
        CmoHubProperties.PartnerSeed demo = new CmoHubProperties.PartnerSeed();
        demo.setId(properties.getDemo().getPartnerId());
        demo.setName("ACME Contract Manufacturing (demo)");
        demo.setApiKey(properties.getDemo().getApiKey());
        demo.setProducts(List.of("05012345678900", "111234567842"));
        demo.setSites(List.of("ACME-LYON", "ACME-KOELN"));
        CmoHubProperties.FormatSeed csv = new CmoHubProperties.FormatSeed();
        csv.setFilePattern("*.csv");
        CmoHubProperties.FormatSeed json = new CmoHubProperties.FormatSeed();
        json.setFilePattern("*.*json");
        demo.setFormats(new java.util.LinkedHashMap<>(Map.of("csv-batch-record", csv, "canonical-json", json)));
        return demo;
    }

    static PartnerProfile profile(CmoHubProperties.PartnerSeed seed) {
        try {
            List<PartnerProfile.PartnerFormat> formats = new ArrayList<>();
            seed.getFormats().forEach((id, format) -> formats.add(new PartnerProfile.PartnerFormat(id, format.getFilePattern(), format.getConfig())));
            return new PartnerProfile(PartnerId.of(seed.getId()), seed.getName() == null ? seed.getId() : seed.getName(), true,
                    seed.getProducts().stream().map(ProductCode::of).collect(java.util.stream.Collectors.toSet()),
                    seed.getSites().stream().map(SiteId::of).collect(java.util.stream.Collectors.toSet()), formats);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("partner '" + seed.getId() + "' in cmohub.partners is invalid: " + e.getMessage(), e);
        }
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
