package io.cmohub.gateway.server;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.cmohub.euhub.PackQuery;
import io.cmohub.euhub.PackStateResult;
import io.cmohub.euhub.resilience.ResilientEuHubGateway;
import io.cmohub.gateway.server.wiring.OutboundConfiguration;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.coordination.alert.eams.EamsClient;
import io.cmohub.coordination.alert.eams.EamsPoller;
import io.cmohub.coordination.alert.eams.JdbcEamsCursorStore;
import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertQuarantine;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alert intake through the running gateway (embedded defaults: Artemis, H2 file database, the EU Hub
 * simulator): a Hub call-back for an A52 and the same alert through EAMS polling (WireMock stands in
 * for the EAMS) become exactly one canonical Alert with both sources; the EAMS poller resumes from
 * its cursor after a restart; bad call-backs get a SOAP fault and are quarantined; the webhook routes
 * unknown codes and turns A16 into an upload rejection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GatewayAlertIntakeTest {
    static final String ADMIN_KEY = "test-admin-key-alerts-0123456789";
    static final String HUB_KEY = "hub-callback-key-0123456789";
    static final String NMVO_KEY = "nmvo-relay-key-0123456789";
    static final Path DATA_DIR = Path.of("target", "e2e-alerts-" + java.util.UUID.randomUUID()).toAbsolutePath();
    /** Inside the poller's first window (initial look-back 40 days), outside the settle time. */
    static final Instant RAISED = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

    @RegisterExtension
    static WireMockExtension eams = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmohub.data-dir", () -> DATA_DIR.toString());
        registry.add("cmohub.admin.api-key", () -> ADMIN_KEY);
        // CXF under another path than the default: the call-back's authentication must follow it
        registry.add("cxf.path", () -> "/soap");
        registry.add("cmohub.eu-hub.callback.api-key", () -> HUB_KEY);
        registry.add("cmohub.alerts.intake-keys.imvo", () -> NMVO_KEY);
        registry.add("cmohub.eams.enabled", () -> "true");
        registry.add("cmohub.eams.base-url", () -> eams.baseUrl() + "/eams/api/v1");
        registry.add("cmohub.eams.bearer-token", () -> "eams-secret-token");
        registry.add("cmohub.eams.page-size", () -> "1");
        registry.add("cmohub.eams.max-pages-per-poll", () -> "1");
        registry.add("cmohub.eams.initial-lookback", () -> "P40D");
        // the test drives the polls; the timer must not race it
        registry.add("cmohub.eams.initial-delay-ms", () -> "3600000");
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    DataSource dataSource;
    @Autowired
    EamsPoller poller;
    @Autowired
    EamsClient eamsClient;
    @Autowired
    AlertIntake intake;
    @Autowired
    AlertQuarantine quarantine;
    @Autowired
    CamelContext camel;
    @Autowired
    ResilientEuHubGateway euHub;

    final HttpClient http = HttpClient.newHttpClient();

    static String callback(String alertId, String code) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="https://cmohub.io/schemas/emvs/alert-callback/v1">
                  <soapenv:Body>
                    <a:AlertNotification>
                      <a:alertId>%s</a:alertId><a:code>%s</a:code><a:nmvsReturnCode>NMVS_FE_LOT_12</a:nmvsReturnCode><a:market>IE</a:market>
                      <a:raisedAt>%s</a:raisedAt>
                      <a:scanned><a:productCode>05012345100036</a:productCode><a:productCodeScheme>GTIN</a:productCodeScheme>
                        <a:serial>Z8V96FJKFU32</a:serial><a:batchId>DC24100</a:batchId><a:expiry>300331</a:expiry></a:scanned>
                      <a:message>Expiry date mismatch</a:message>
                    </a:AlertNotification>
                  </soapenv:Body>
                </soapenv:Envelope>""".formatted(alertId, code, RAISED);
    }

    static String eamsAlert(String alertId, String code, String serial) {
        return """
                {"alertId":"%s","code":"%s","market":"IE","raisedAt":"%s","lastModified":"%s","status":"NEW","nmvsReturnCode":"NMVS_FE_LOT_12",
                 "scanned":{"productCode":"05012345100036","serial":"%s","batchId":"DC24100","expiry":"300331"}}"""
                .formatted(alertId, code, RAISED, RAISED.plusSeconds(60), serial);
    }

    HttpResponse<String> soap(String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/soap/hub-alerts/v1"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"https://cmohub.io/schemas/emvs/alert-callback/v1/NotifyAlert\"")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", key)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHubCallBackAndTheSameAlertThroughEamsPollingAreOneCanonicalAlertWithBothSourcesAndThePollerResumesFromItsCursor() throws Exception {
        eams.stubFor(get(urlPathEqualTo("/eams/api/v1/alerts")).withQueryParam("pageToken", absent())
                .willReturn(okJson("{\"alerts\":[" + eamsAlert("AL-E2E-A52", "A52", "Z8V96FJKFU32") + "],\"nextPageToken\":\"page-2\"}")));
        eams.stubFor(get(urlPathEqualTo("/eams/api/v1/alerts")).withQueryParam("pageToken", equalTo("page-2"))
                .willReturn(okJson("{\"alerts\":[" + eamsAlert("AL-E2E-A3", "A3", "NOTUPLOADED01") + "]}")));

        try (Connection connection = OutboundConfiguration.artemis(connectionFactory).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer alerts = session.createConsumer(session.createTopic("cmohub.events.alert"));

            HttpResponse<String> ack = soap(callback("AL-E2E-A52", "A52"), HUB_KEY);
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
            assertThat(ack.body()).contains("<outcome>ACCEPTED</outcome>").contains("AL-E2E-A52");
            // the Hub re-sends: acknowledged, nothing new
            assertThat(soap(callback("AL-E2E-A52", "A52"), HUB_KEY).body()).contains("<outcome>DUPLICATE</outcome>");

            EamsPoller.PollReport first = poller.pollOnce();
            assertThat(first.pages()).isEqualTo(1);
            assertThat(first.cursor().pageToken()).isEqualTo("page-2");

            // restart: the route stops, a new poller instance (as after a process restart) continues from the stored cursor
            camel.getRouteController().stopRoute("cmohub-eams-poller");
            assertThat(camel.getRouteController().getRouteStatus("cmohub-eams-poller")).isEqualTo(ServiceStatus.Stopped);
            EamsPoller restarted = new EamsPoller("eams", eamsClient, new JdbcEamsCursorStore(dataSource), intake, quarantine, Clock.systemUTC());
            EamsPoller.PollReport second = restarted.pollOnce();
            camel.getRouteController().startRoute("cmohub-eams-poller");
            assertThat(second.pages()).isEqualTo(1);
            assertThat(second.cursor().windowTo()).isNull(); // the window is done; the next one starts where it ended
            assertThat(eams.findAll(getRequestedFor(urlPathEqualTo("/eams/api/v1/alerts"))))
                    .extracting(r -> r.queryParameter("pageToken").isPresent() ? r.queryParameter("pageToken").firstValue() : "first")
                    .containsExactly("first", "page-2");

            List<JsonNode> events = new ArrayList<>();
            Message message;
            while ((message = alerts.receive(2000)) != null) {
                events.add(CanonicalJson.mapper().readTree(((TextMessage) message).getText()));
            }
            assertThat(events).filteredOn(e -> e.path("subject").asText().equals("AL-E2E-A52")).hasSize(1)
                    .allSatisfy(e -> {
                        assertThat(e.path("type").asText()).isEqualTo("io.cmohub.alert.raised.v1");
                        assertThat(e.path("data").path("source").asText()).isEqualTo("HUB");
                        assertThat(e.path("data").path("code").asText()).isEqualTo("A52");
                    });
            assertThat(events).filteredOn(e -> e.path("subject").asText().equals("AL-E2E-A3")).hasSize(1);
        }

        JsonNode view = CanonicalJson.mapper().readTree(api("GET", "/api/v1/alerts/AL-E2E-A52", ADMIN_KEY, null).body());
        assertThat(view.path("alert").path("alertId").asText()).isEqualTo("AL-E2E-A52");
        assertThat(view.path("version").asInt()).isEqualTo(1);
        List<String> channels = new ArrayList<>();
        view.path("sources").forEach(s -> channels.add(s.path("channel").asText()));
        assertThat(channels).containsExactly("HUB", "EAMS");

        // the Hub simulator answers for the alerted pack: the Hub holds expiry 300228, the pack printed 300331 (the A52)
        PackStateResult pack = euHub.requestPackState(PackQuery.of("05012345100036", "Z8V96FJKFU32", "IE"));
        assertThat(pack.found()).isTrue();
        assertThat(pack.state().expiry().printed()).isEqualTo("300228");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("status open for load balancers").isEqualTo(200);
        assertThat(anonymous.body()).as("but no details without the admin key").doesNotContain("components").doesNotContain("euHub");
        assertThat(api("GET", "/actuator/health", NMVO_KEY, null).body()).as("nor for another caller").doesNotContain("components");
        assertThat(api("GET", "/actuator/metrics", NMVO_KEY, null).statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        JsonNode health = CanonicalJson.mapper().readTree(api("GET", "/actuator/health", ADMIN_KEY, null).body());
        assertThat(health.path("components").path("euHub").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("euHub").path("details").path("circuit").asText()).isEqualTo("CLOSED");
    }

    @Test
    void malformedCallBacksGetASoapFaultWithAReasonAndAreQuarantinedAndStrangersAreRefused() throws Exception {
        assertThat(soap(callback("AL-X", "A2"), null).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/soap/hub-alerts/v1?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("the WSDL too").isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/soap/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("CXF's service list").isEqualTo(401);
        assertThat(soap(callback("AL-X", "A2"), "wrong-key").statusCode()).isEqualTo(401);

        HttpResponse<String> noOffset = soap(callback("AL-BAD-1", "A2").replace(RAISED.toString(), "2025-03-01T10:15:30"), HUB_KEY);
        assertThat(noOffset.statusCode()).isEqualTo(500);
        assertThat(noOffset.body()).contains("faultcode").contains("Client").contains("INVALID_NOTIFICATION").contains("hub-alert-callback.xsd")
                .contains("quarantineId");
        HttpResponse<String> notXml = soap("this is not XML at all", HUB_KEY);
        assertThat(notXml.statusCode()).isEqualTo(500);
        assertThat(notXml.body()).contains("Fault");

        JsonNode quarantined = CanonicalJson.mapper().readTree(api("GET", "/api/v1/quarantine", ADMIN_KEY, null).body());
        List<String> formats = new ArrayList<>();
        quarantined.forEach(d -> formats.add(d.path("format").asText()));
        assertThat(formats).filteredOn("emvs-hub-alert-callback"::equals).hasSizeGreaterThanOrEqualTo(2);
        String id = quarantined.get(0).path("documentId").asText();
        HttpResponse<String> content = api("GET", "/api/v1/quarantine/" + id + "/content", ADMIN_KEY, null);
        assertThat(content.body()).isIn("this is not XML at all", callback("AL-BAD-1", "A2").replace(RAISED.toString(), "2025-03-01T10:15:30"));
    }

    @Test
    void theWebhookRoutesUnknownCodesTurnsA16IntoAnUploadRejectionAndQuarantinesBadNotices() throws Exception {
        String unknown = "{\"alertId\":\"IE-77\",\"code\":\"A99X\",\"raisedAt\":\"" + RAISED + "\",\"market\":\"IE\"}";
        HttpResponse<String> created = api("POST", "/api/v1/alerts", NMVO_KEY, unknown);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(api("POST", "/api/v1/alerts", NMVO_KEY, unknown).body()).contains("DUPLICATE");
        assertThat(api("GET", "/api/v1/alerts/IE-77", NMVO_KEY, null).statusCode()).as("an alert source posts alerts, it does not read them")
                .isEqualTo(403);
        JsonNode view = CanonicalJson.mapper().readTree(api("GET", "/api/v1/alerts/IE-77", ADMIN_KEY, null).body());
        assertThat(view.path("alert").path("code").asText()).isEqualTo("A99X");
        assertThat(view.path("alert").path("source").asText()).isEqualTo("NATIONAL");

        String a16 = "{\"alertId\":\"N-16\",\"code\":\"A16\",\"raisedAt\":\"" + RAISED + "\",\"uploadRef\":\"UPL-2024-0003\",\"field\":\"commonName\","
                + "\"message\":\"Data Validation Error\"}";
        HttpResponse<String> rejection = api("POST", "/api/v1/alerts", ADMIN_KEY, a16);
        assertThat(rejection.statusCode()).isEqualTo(200);
        assertThat(rejection.body()).contains("UPLOAD_REJECTION").contains("UPL-2024-0003");
        assertThat(api("GET", "/api/v1/alerts/N-16", ADMIN_KEY, null).statusCode()).isEqualTo(404);

        HttpResponse<String> bad = api("POST", "/api/v1/alerts", NMVO_KEY, "{\"alertId\":\"x\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("quarantineId").contains("code");
        assertThat(api("POST", "/api/v1/alerts", "acme-demo-key", unknown).statusCode()).isEqualTo(403);
    }
}
