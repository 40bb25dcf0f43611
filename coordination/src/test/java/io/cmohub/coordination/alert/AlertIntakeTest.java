package io.cmohub.coordination.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cmohub.model.AlertSource;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.coordination.alert.eams.EamsClient;
import io.cmohub.coordination.alert.eams.EamsPoller;
import io.cmohub.coordination.alert.eams.EamsSettings;
import io.cmohub.coordination.alert.eams.JdbcEamsCursorStore;
import io.cmohub.coordination.alert.hub.HubAlertCallback;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.publish.EventPublisher;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert intake against a real database (H2 here, PostgreSQL in CI): dedup across channels,
 * idempotent redelivery, lifecycle updates, upload rejections, unknown codes, quarantine, the
 * EAMS poller's windows, pages and its cursor across a restart. The publisher records the events
 * instead of a broker (the broker path is the gateway test's).
 */
abstract class AlertIntakeTest {
    @RegisterExtension
    static WireMockExtension eams = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant RAISED = Instant.parse("2025-03-01T10:15:30Z");
    final List<io.cmohub.model.event.CanonicalEvent> published = new CopyOnWriteArrayList<>();
    volatile boolean brokerDown;

    DataSource dataSource;
    JdbcAlertRegistry registry;
    AlertIntake intake;
    AlertQuarantine quarantine;
    JdbcDocumentRegistry documents;

    abstract DataSource database();

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        dataSource = database();
        registry = new JdbcAlertRegistry(dataSource);
        EventPublisher publisher = (batch, documentId) -> {
            if (brokerDown) {
                throw new jakarta.jms.JMSException("broker down");
            }
            published.addAll(batch);
        };
        JdbcAuditTrail audit = new JdbcAuditTrail(dataSource);
        intake = new AlertIntake(dataSource, registry, publisher, audit, Duration.ofHours(1));
        documents = new JdbcDocumentRegistry(dataSource);
        quarantine = new AlertQuarantine(new FileSystemDocumentStore(dir), documents, audit, 1_000_000);
    }

    static AlertNotice a52(AlertSource channel, String alertId, EamsStatus status) {
        return new AlertNotice(channel, alertId, "A52", "NMVS_FE_LOT_12", "IE", RAISED,
                new ScannedIdentifiers("05012345100036", "GTIN", "Z8V96FJKFU32", "DC24100", "300331"), "Expiry date mismatch", null, status,
                List.of(), null, null, null);
    }

    @Test
    void theAlertIntakeRouteTemplateFilesNoticesFromAnyEndpointAndQuarantinesBadOnes() throws Exception {
        try (org.apache.camel.impl.DefaultCamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            camel.getRegistry().bind(io.cmohub.routes.templates.CmoHubRouteTemplates.ALERT_INTAKE_BEAN, new AlertNoticeHandler(intake, quarantine, 100_000));
            camel.addRoutes(new io.cmohub.routes.templates.CmoHubRouteTemplates());
            camel.start();
            org.apache.camel.builder.TemplatedRouteBuilder.builder(camel, io.cmohub.routes.templates.CmoHubRouteTemplates.ALERT_INTAKE_ID)
                    .parameter("fromUri", "direct:national").parameter("source", "ie-nmvo").add();
            String notice = """
                    {"alertId": "IE-9", "code": "A52", "market": "IE", "raisedAt": "2025-03-01T10:15:30Z",
                     "scanned": {"productCode": "05012345100036", "productCodeScheme": "GTIN", "serial": "Z8V96FJKFU32", "batchId": "DC24100", "expiry": "300331"}}
                    """;
            var filed = camel.createProducerTemplate().request("direct:national", e -> e.getMessage().setBody(notice));
            var refused = camel.createProducerTemplate().request("direct:national", e -> e.getMessage().setBody("{\"code\": 52}"));

            assertThat(filed.getException()).isNull();
            assertThat(filed.getMessage().getHeader("CmoHubAlertId")).isEqualTo("IE-9");
            assertThat(registry.find("IE-9").orElseThrow().sources()).extracting(AlertSourceRecord::channel).containsExactly(AlertSource.NATIONAL);
            assertThat(published).hasSize(1);
            assertThat(refused.getException()).isNull();
            assertThat(refused.getMessage().getHeader("CmoHubAlertId", String.class)).startsWith("quarantined:");
        }
    }

    @Test
    void aKnownAlertIdWithAnotherCodeIsRefusedAsMalformedAndTheLowerCaseCodeMerges() throws Exception {
        intake.receive(a52(AlertSource.HUB, "AL-C", null));
        AlertNotice other = new AlertNotice(AlertSource.EAMS, "AL-C", "A3", null, "IE", RAISED, null, null, null, null, List.of(), null, null, null);
        assertThatThrownBy(() -> intake.receive(other)).isInstanceOf(MalformedAlertException.class)
                .hasMessageContaining("alert AL-C is known with code A52, but this notice says A3");
        AlertNotice lower = new AlertNotice(AlertSource.EAMS, "AL-C", "a52", "NMVS_FE_LOT_12", "IE", RAISED,
                new ScannedIdentifiers("05012345100036", "GTIN", "Z8V96FJKFU32", "DC24100", "300331"), "Expiry date mismatch", null, null,
                List.of(), null, null, null);
        assertThat(intake.receive(lower).outcome()).isEqualTo(IntakeOutcome.MERGED);
        assertThat(published).hasSize(1);
    }

    @Test
    void theSameAlertFromTwoChannelsIsOneAlertWithBothSourcesAndOneEvent() throws Exception {
        IntakeResult hub = intake.receive(a52(AlertSource.HUB, "AL-1", null));
        IntakeResult eamsCopy = intake.receive(a52(AlertSource.EAMS, "AL-1", EamsStatus.NEW));
        IntakeResult redelivered = intake.receive(a52(AlertSource.HUB, "AL-1", null));

        assertThat(hub.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
        assertThat(eamsCopy.outcome()).isEqualTo(IntakeOutcome.MERGED);
        assertThat(redelivered.outcome()).isEqualTo(IntakeOutcome.DUPLICATE);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).subject()).isEqualTo("AL-1");
        AlertView view = registry.find("AL-1").orElseThrow();
        assertThat(view.sources()).extracting(AlertSourceRecord::channel).containsExactly(AlertSource.HUB, AlertSource.EAMS);
        assertThat(view.alert().source()).isEqualTo(AlertSource.HUB);
        assertThat(view.lastEventId()).isEqualTo(published.get(0).id());
    }

    @Test
    void aNationalCopyWithItsOwnIdMergesByCodeProductSerialAndMarketWithinTheWindowOnly() throws Exception {
        intake.receive(a52(AlertSource.HUB, "AL-2", null));
        AlertNotice national = new AlertNotice(AlertSource.NATIONAL, "IE-4711", "A52", null, "IE", RAISED.plusSeconds(90),
                new ScannedIdentifiers("05012345100036", null, " z8v96fjkfu32 ", null, null), null, null, null, List.of(), null, null, null);
        assertThat(intake.receive(national).outcome()).isEqualTo(IntakeOutcome.MERGED);
        assertThat(registry.find("IE-4711").orElseThrow().alert().alertId()).isEqualTo("AL-2");

        AlertNotice nextDay = new AlertNotice(AlertSource.NATIONAL, "IE-4712", "A52", null, "IE", RAISED.plus(Duration.ofDays(1)),
                national.scanned(), null, null, null, List.of(), null, null, null);
        assertThat(intake.receive(nextDay).outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
        AlertNotice otherMarket = new AlertNotice(AlertSource.NATIONAL, "FR-1", "A52", null, "FR", RAISED, national.scanned(), null, null, null,
                List.of(), null, null, null);
        assertThat(intake.receive(otherMarket).outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
        assertThat(published).hasSize(3);
    }

    @Test
    void anEamsStatusChangeRepublishesTheAlertAsANewVersionUnderTheSameKey() throws Exception {
        intake.receive(a52(AlertSource.HUB, "AL-3", null));
        IntakeResult investigating = intake.receive(a52(AlertSource.EAMS, "AL-3", EamsStatus.UNDER_INVESTIGATION));
        assertThat(investigating.outcome()).isEqualTo(IntakeOutcome.UPDATED);
        assertThat(intake.receive(a52(AlertSource.EAMS, "AL-3", EamsStatus.UNDER_INVESTIGATION)).outcome()).isEqualTo(IntakeOutcome.DUPLICATE);
        assertThat(published).hasSize(2).extracting(e -> e.subject()).containsOnly("AL-3");
        assertThat(published.get(0).id()).isNotEqualTo(published.get(1).id());
        AlertView view = registry.find("AL-3").orElseThrow();
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.alert().eamsStatus()).isEqualTo(EamsStatus.UNDER_INVESTIGATION);
        assertThat(view.alert().source()).isEqualTo(AlertSource.HUB);
    }

    @Test
    void unknownCodesAreRoutedAndUploadRejectionsAreNotAlerts() throws Exception {
        AlertNotice future = new AlertNotice(AlertSource.HUB, "AL-4", "A99X", null, "DE", RAISED, null, "a code from a later Hub release", null, null,
                List.of(), null, null, null);
        assertThat(intake.receive(future).outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
        AlertNotice a16 = new AlertNotice(AlertSource.HUB, "AL-5", "A16", null, "PT", RAISED,
                new ScannedIdentifiers("05012345100036", null, null, null, null), "Data Validation Error: common name missing", null, null, List.of(),
                "UPL-2024-0003", "commonName", null);
        assertThat(intake.receive(a16).outcome()).isEqualTo(IntakeOutcome.UPLOAD_REJECTION);
        assertThat(intake.receive(a16).outcome()).isEqualTo(IntakeOutcome.DUPLICATE);

        assertThat(published).hasSize(2);
        assertThat(published.get(0).type()).isEqualTo("io.cmohub.alert.raised.v1");
        assertThat(published.get(1).type()).isEqualTo("io.cmohub.upload-rejection.recorded.v1");
        assertThat(published.get(1).subject()).isEqualTo("UPL-2024-0003/A16");
        assertThat(registry.find("AL-5")).isEmpty();
    }

    @Test
    void aBrokerFailureRecordsNothingSoTheRedeliveryIsFiledAsNew() throws Exception {
        brokerDown = true;
        assertThatThrownBy(() -> intake.receive(a52(AlertSource.HUB, "AL-6", null))).isInstanceOf(AlertIntakeException.class);
        assertThat(registry.find("AL-6")).isEmpty();
        brokerDown = false;
        assertThat(intake.receive(a52(AlertSource.HUB, "AL-6", null)).outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
        assertThat(published).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfOneAlertByEightChannelsPublishOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IntakeResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                AlertSource channel = AlertSource.values()[i % 4];
                String id = i % 2 == 0 ? "AL-7" : "NAT-" + i;
                results.add(pool.submit(() -> intake.receive(a52(channel, id, null))));
            }
            for (Future<IntakeResult> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(published).hasSize(1);
    }

    @Test
    void invalidValuesAreMalformedAndQuarantinedWithTheirBytes() throws Exception {
        AlertNotice badMarket = new AlertNotice(AlertSource.NATIONAL, "AL-8", "A2", null, "XX", RAISED, null, null, null, null, List.of(), null, null, null);
        assertThatThrownBy(() -> intake.receive(badMarket)).isInstanceOf(MalformedAlertException.class).hasMessageContaining("XX");
        assertThatThrownBy(() -> AlertNoticeJson.read("{\"alertId\":\"x\",\"code\":\"A2\",\"raisedAt\":\"2025-03-01T10:15:30\"}".getBytes(StandardCharsets.UTF_8),
                AlertSource.NATIONAL)).isInstanceOf(MalformedAlertException.class).hasMessageContaining("raisedAt");
        String id = quarantine.quarantine("not json".getBytes(StandardCharsets.UTF_8), "alert-notice-json", "webhook", null, "the body is not JSON");
        assertThat(documents.find(id).orElseThrow().status()).isEqualTo(DocumentState.REJECTED);
        assertThat(documents.errors(id)).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("the body is not JSON"));
        assertThat(documents.quarantined(null, 10, 0)).extracting(d -> d.documentId()).contains(id);
    }

    @Test
    void theHubCallBackPayloadIsValidatedAgainstItsXsd() throws Exception {
        String valid = """
                <AlertNotification xmlns="https://cmohub.io/schemas/emvs/alert-callback/v1">
                  <alertId>AL-9</alertId><code>A68</code><market>DE</market><raisedAt>2025-03-01T10:15:30+01:00</raisedAt>
                  <scanned><productCode>05012345100012</productCode><serial>A68EU2HJUYQW</serial><batchId>CZ24002</batchId></scanned>
                </AlertNotification>""";
        AlertNotice notice = HubAlertCallback.read(dom(valid), null);
        assertThat(notice.raisedAt()).isEqualTo(Instant.parse("2025-03-01T09:15:30Z"));
        assertThat(notice.scanned().batchId()).isEqualTo("CZ24002");
        assertThatThrownBy(() -> HubAlertCallback.read(dom(valid.replace("+01:00", "")), null)).isInstanceOf(MalformedAlertException.class)
                .hasMessageContaining("hub-alert-callback.xsd");
        assertThatThrownBy(() -> HubAlertCallback.read(dom(valid.replace("<code>A68</code>", "")), null)).isInstanceOf(MalformedAlertException.class)
                .hasMessageContaining("code");
    }

    static org.w3c.dom.Document dom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- EAMS poller ----

    static String eamsAlert(String id, String code, String status) {
        return """
                {"alertId":"%s","code":"%s","market":"IE","raisedAt":"2025-03-01T10:15:30Z","lastModified":"2025-03-01T10:16:00Z","status":"%s",
                 "scanned":{"productCode":"05012345100036","serial":"S-%s"}}""".formatted(id, code, status, id);
    }

    static String page(String next, String... alerts) {
        return "{\"alerts\":[" + String.join(",", alerts) + "]" + (next == null ? "" : ",\"nextPageToken\":\"" + next + "\"") + "}";
    }

    EamsPoller poller(Clock clock) {
        EamsSettings settings = new EamsSettings(URI.create(eams.baseUrl() + "/api/v1"), "eams-token", 2, 3, Duration.ofDays(40), Duration.ofMinutes(2),
                null, null);
        return new EamsPoller("eams", new EamsClient(settings), new JdbcEamsCursorStore(dataSource), intake, quarantine, clock);
    }

    @Test
    void theEamsPollerReadsMonthWindowsPageByPageAndResumesFromItsCursorAfterARestart() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-04-10T00:00:00Z"), ZoneOffset.UTC);
        // first window: 2025-03-01T00:00Z + 1 month; page 1 -> p2 -> end
        eams.stubFor(get(urlPathEqualTo("/api/v1/alerts")).withQueryParam("modifiedFrom", equalTo("2025-03-01T00:00:00Z"))
                .withQueryParam("pageToken", absent()).willReturn(okJson(page("p2", eamsAlert("E-1", "A2", "NEW"), eamsAlert("E-2", "A7", "NEW")))));
        eams.stubFor(get(urlPathEqualTo("/api/v1/alerts")).withQueryParam("pageToken", equalTo("p2"))
                .willReturn(okJson(page(null, eamsAlert("E-3", "A16", "NEW"), "{\"alertId\":\"E-4\"}"))));
        eams.stubFor(get(urlPathEqualTo("/api/v1/alerts")).withQueryParam("modifiedFrom", equalTo("2025-04-01T00:00:00Z"))
                .willReturn(okJson(page(null, eamsAlert("E-5", "A3", "ACTIVE")))));

        // the poller is stopped after one page: maxPagesPerPoll is 3, so let it read one page by giving a second poller the rest
        EamsSettings onePage = new EamsSettings(URI.create(eams.baseUrl() + "/api/v1"), "eams-token", 2, 1, Duration.ofDays(40), Duration.ofMinutes(2),
                null, null);
        new JdbcEamsCursorStore(dataSource).create(new io.cmohub.coordination.alert.eams.EamsCursor("eams", Instant.parse("2025-03-01T00:00:00Z"), null, null, 0));
        EamsPoller first = new EamsPoller("eams", new EamsClient(onePage), new JdbcEamsCursorStore(dataSource), intake, quarantine, clock);
        EamsPoller.PollReport report = first.pollOnce();
        assertThat(report.pages()).isEqualTo(1);
        assertThat(report.cursor().pageToken()).isEqualTo("p2");

        // "restart": a new poller on the same database continues with page p2, then the next window
        EamsPoller.PollReport resumed = poller(clock).pollOnce();
        assertThat(resumed.pages()).isEqualTo(2);
        assertThat(resumed.quarantined()).isEqualTo(1);
        assertThat(resumed.cursor().windowFrom()).isEqualTo(Instant.parse("2025-04-09T23:58:00Z"));

        List<LoggedRequest> requests = eams.findAll(getRequestedFor(urlPathEqualTo("/api/v1/alerts")));
        assertThat(requests).extracting(r -> r.queryParameter("modifiedFrom").firstValue() + "|" + r.queryParameter("modifiedTo").firstValue() + "|"
                + (r.queryParameter("pageToken").isPresent() ? r.queryParameter("pageToken").firstValue() : "-")).containsExactly(
                "2025-03-01T00:00:00Z|2025-04-01T00:00:00Z|-",
                "2025-03-01T00:00:00Z|2025-04-01T00:00:00Z|p2",
                "2025-04-01T00:00:00Z|2025-04-09T23:58:00Z|-");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer eams-token"));
        assertThat(published).extracting(e -> e.subject()).containsExactly("E-1", "E-2", "E-3/A16", "E-5");

        // nothing new before the settle horizon moves: no request at all
        assertThat(poller(clock).pollOnce().pages()).isZero();
        assertThat(eams.findAll(getRequestedFor(urlPathEqualTo("/api/v1/alerts")))).hasSize(3);
        JsonNode e5 = CanonicalJson.mapper().valueToTree(registry.find("E-5").orElseThrow().alert());
        assertThat(e5.path("eamsStatus").asText()).isEqualTo("ACTIVE");
    }
}
