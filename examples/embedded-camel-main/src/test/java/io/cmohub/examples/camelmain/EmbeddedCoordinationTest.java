package io.cmohub.examples.camelmain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.cmohub.coordination.CmoHubCoordination;
import io.cmohub.coordination.evidence.EmailEvidenceDispatcher;
import io.cmohub.coordination.liaison.LiaisonSeed;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.euhub.simulator.EuHubSimulatorServer;
import io.cmohub.euhub.soap.SoapEndpointSettings;
import io.cmohub.euhub.soap.SoapEuHubGateway;
import io.cmohub.model.Alert;
import io.cmohub.model.AlertCode;
import io.cmohub.model.AlertSource;
import io.cmohub.model.Batch;
import io.cmohub.model.BatchStatus;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.CaseStatus;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.InvestigationCase;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SiteId;
import io.cmohub.routes.templates.CmoHubPipeline;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert coordination embedded in a plain Camel host, as docs/embedding.md shows it: the pipeline's
 * database and audit trail, {@link CmoHubCoordination#builder()}, the coordination routes in the host's
 * Camel context, and the EU Hub simulator as the Hub. An A52 alert arrives as a canonical event and
 * becomes a case with an evidence request e-mailed to the CMO's liaison.
 */
class EmbeddedCoordinationTest {
    private static final ObjectWriter JSON = CanonicalJson.mapper().writer();
    private static final ProductCode DERMOCORT = ProductCode.of("05012345100036");
    private static final PartnerId ACME = PartnerId.of("acme-lyon");

    @Test
    void anAlertBecomesACaseWithAnEvidenceRequestToTheLiaison(@TempDir Path dataDir) throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:embedded-coordination-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        List<CanonicalEvent> published = new CopyOnWriteArrayList<>();
        CmoHubPipeline hub = CmoHubPipeline.builder().dataSource(database).migrateSchema(true)
                .documentsDirectory(dataDir.resolve("documents").toString())
                .eventPublisher((events, documentId) -> published.addAll(events)).build();
        List<String> mailedTo = new CopyOnWriteArrayList<>();
        EuHubSimulatorServer simulator = EuHubSimulatorServer.builder().build().start();
        try (ResilientEuHubGateway euHub = ResilientEuHubGateway.builder(SoapEuHubGateway.connect(SoapEndpointSettings.plainHttp(simulator.address())))
                .build()) {
            CmoHubCoordination coordination = CmoHubCoordination.builder()
                    .pipeline(hub)
                    .euHub(euHub)
                    .sponsorQa("Sponsor QA on duty", "qa@sponsor.example")
                    .dispatcher(new EmailEvidenceDispatcher((to, subject, text, id) -> mailedTo.add(to)))
                    .build();
            LiaisonSeed.apply(coordination.liaisons(), LiaisonSeed.read(new ByteArrayInputStream("""
                    liaisons:
                      - partner: acme-lyon
                        liaison: { name: Claire Martin, email: claire.martin@acme.example }
                        channels: [ { type: email, address: claire.martin@acme.example } ]
                        responseSlaBusinessHours: 16
                        path: PARALLEL
                        calendar: { timeZone: Europe/Paris, workingDays: [MON, TUE, WED, THU, FRI], hours: "08:00-17:00" }
                    """.getBytes(StandardCharsets.UTF_8))), "host-admin");

            CamelContext camel = new DefaultCamelContext();
            Properties properties = new Properties();
            properties.setProperty("cmohub.coordination.events.uri", "direct:coordination");
            properties.setProperty("cmohub.coordination.outbox-period", "200");
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.addRoutes(coordination.routes());
            camel.start();
            try {
                ProducerTemplate feed = camel.createProducerTemplate();
                // The CMO's ERP said DC24100 expires 02/2030 (what went to the Hub); the pharmacy's pack says 03/2031.
                send(feed, new Batch(DERMOCORT, BatchId.of("DC24100"), BatchStatus.RELEASED, ACME, SiteId.of("LYON-1"), Expiry.parse("300228"),
                        LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 2), null, null, List.of(Market.of("IE")), Instant.parse("2024-07-02T08:00:00Z")));
                send(feed, new Alert("ALERT-A52-EMB", AlertCode.A52, null, Market.of("IE"), new ScannedIdentifiers(DERMOCORT.value(), "GTIN",
                        "Z8V96FJKFU32", "DC24100", "300331"), Instant.now(), AlertSource.HUB, EamsStatus.NEW, List.of(), null, "pharmacy in IE"));

                List<InvestigationCase> open = coordination.caseViews().list(null, ACME, 10);
                assertThat(open).singleElement().satisfies(c -> {
                    assertThat(c.alertIds()).containsExactly("ALERT-A52-EMB");
                    assertThat(c.status()).isEqualTo(CaseStatus.AWAITING_CMO);
                    assertThat(c.attribution().partner()).isEqualTo(ACME);
                    assertThat(c.verdict()).as("reconciled against the simulator").isNotNull();
                });
                assertThat(coordination.caseViews().requests(open.get(0).caseId())).singleElement()
                        .satisfies(r -> assertThat(r.partner()).isEqualTo(ACME));
                await().atMost(Duration.ofSeconds(15)).until(() -> mailedTo.contains("claire.martin@acme.example"));
                await().atMost(Duration.ofSeconds(15)).until(() -> published.stream().anyMatch(e -> e.type().contains("case")));
                assertThat(hub.auditTrail().verify().valid()).isTrue();
            } finally {
                camel.stop();
            }
        } finally {
            simulator.stop();
        }
    }

    private static void send(ProducerTemplate feed, CanonicalRecord record) throws Exception {
        feed.sendBody("direct:coordination", JSON.writeValueAsString(CanonicalEvent.of(record, URI.create("/host/test"), ACME.value(), Instant.now())));
    }
}
