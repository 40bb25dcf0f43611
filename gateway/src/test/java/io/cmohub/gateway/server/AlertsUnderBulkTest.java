package io.cmohub.gateway.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cmohub.model.codec.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 23 on the gateway's embedded defaults: a CMO uploads an EPCIS file commissioning 300,000
 * serials of CZ24002, and the Hub's A52 call-back on DC24100 arrives right after it. The alert has
 * queues and consumers of its own, so its case opens and its evidence request reaches the CMO's
 * liaison before the registry has registered the bulk upload; the batch view then shows every serial.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AlertsUnderBulkTest {
    static final String ADMIN_KEY = "test-admin-key-bulk-0123456789";
    static final String ACME_KEY = "acme-lyon-key-0123456789";
    static final String HUB_KEY = "hub-callback-key-bulk-0123456789";
    static final Path DATA_DIR = Path.of("target", "e2e-bulk-" + UUID.randomUUID()).toAbsolutePath();
    static final int BULK_SERIALS = 300_000;

    @RegisterExtension
    static WireMockExtension hooks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).resetOnEachTest(false).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmohub.data-dir", () -> DATA_DIR.toString());
        registry.add("cmohub.admin.api-key", () -> ADMIN_KEY);
        registry.add("cmohub.eu-hub.callback.api-key", () -> HUB_KEY);
        registry.add("cmohub.partners[0].id", () -> "acme-lyon");
        registry.add("cmohub.partners[0].api-key", () -> ACME_KEY);
        registry.add("cmohub.partners[0].products", () -> "05012345100036,05012345100012");
        registry.add("cmohub.partners[0].sites", () -> "ACME-LYON");
        registry.add("cmohub.partners[0].formats.csv-batch-record.file-pattern", () -> "*batch*.csv");
        registry.add("cmohub.partners[0].formats.packaging-record-csv.file-pattern", () -> "*packaging*.csv");
        registry.add("cmohub.partners[0].formats.epcis.file-pattern", () -> "*.xml");
        registry.add("cmohub.coordination.liaison-seed", () -> A52Scenario.writeLiaisonSeed(DATA_DIR, hooks.baseUrl()));
        registry.add("cmohub.coordination.secrets.acme-webhook", () -> "acme-webhook-secret-0123456789");
        registry.add("cmohub.coordination.secrets.qa-webhook", () -> "qa-webhook-secret-9876543210");
        registry.add("cmohub.coordination.sponsor-qa.channel", () -> "WEBHOOK");
        registry.add("cmohub.coordination.sponsor-qa.address", () -> hooks.baseUrl() + "/sponsor/qa");
        registry.add("cmohub.coordination.sponsor-qa.secret-ref", () -> "qa-webhook");
        // one waiting alert is a backlog here, and the backlog is sampled five times a second
        registry.add("cmohub.coordination.alert-backlog.max-messages", () -> "0");
        registry.add("cmohub.backlog.sample-period", () -> "200");
    }

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    org.apache.camel.CamelContext camel;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAlertBecomesACaseWithItsEvidenceRequestSentWhileTheRegistryIsStillRegisteringABulkUpload() throws Exception {
        hooks.stubFor(post(urlEqualTo("/acme/alerts")).willReturn(aResponse().withStatus(202)));
        hooks.stubFor(post(urlEqualTo("/sponsor/qa")).willReturn(aResponse().withStatus(200)));
        accepted(upload("csv-batch-record", A52Scenario.BATCH_RECORDS));
        accepted(upload("packaging-record-csv", A52Scenario.PACKAGING));
        await().atMost(Duration.ofSeconds(20)).until(() -> batch("05012345100036/DC24100").path("packagingRuns").size() == 1);

        List<String> serials = new ArrayList<>(BULK_SERIALS);
        for (int i = 0; i < BULK_SERIALS; i++) {
            serials.add("BULK" + i);
        }
        String bulk = upload("epcis", A52Scenario.epcisDocument(A52Scenario.commission("05012345100012", "CZ24002", "2031-12-31", "2024-06-10T07:00:00Z",
                serials)));
        serials = null;
        HttpResponse<String> ack = call("POST", "/services/hub-alerts/v1", HUB_KEY, "text/xml; charset=UTF-8", A52Scenario.callback("AL-BULK-A52"));
        assertThat(ack.body()).contains("<outcome>ACCEPTED</outcome>");

        JsonNode cases = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> json("/api/v1/cases", ADMIN_KEY), list -> list.size() == 1);
        Instant caseOpened = Instant.parse(cases.get(0).path("openedAt").asText());
        assertThat(cases.get(0).path("attribution").path("partner").asText()).isEqualTo("acme-lyon");
        List<LoggedRequest> request = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> hooks.findAll(postRequestedFor(urlEqualTo("/acme/alerts"))), found -> !found.isEmpty());
        Instant requestSent = request.get(0).getLoggedDate().toInstant();

        accepted(bulk);
        JsonNode registered = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> batch("05012345100012/CZ24002"), b -> b.path("commissionedSerials").asLong() == BULK_SERIALS);
        Instant registryDone = lastChunkApplied();
        assertThat(caseOpened).as("the case opened before the registry finished the bulk upload").isBefore(registryDone);
        assertThat(requestSent).as("the evidence request left before the registry finished the bulk upload").isBefore(registryDone);

        // the batch view: what the registry holds of the bulk batch, and the A52 case on DC24100
        assertThat(registered.path("partner").asText()).isEqualTo("acme-lyon");
        assertThat(registered.path("packagingRuns").get(0).path("printedExpiry").toString()).contains("311231");
        assertThat(registered.path("openCases")).isEmpty();
        JsonNode dermocort = batch("05012345100036/DC24100");
        assertThat(dermocort.path("openCases").get(0).path("alertCode").asText()).isEqualTo("A52");
        assertThat(call("GET", "/api/v1/batches/05012345100012/NOSUCH", ADMIN_KEY, null, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/batches/05012345100012/CZ24002", ACME_KEY, null, null).statusCode()).as("a CMO's key").isEqualTo(403);

        // The backlog is visible: with the alert consumers stopped, a waiting alert takes the alert path OUT_OF_SERVICE, and back UP once consumed.
        assertThat(json("/actuator/health", ADMIN_KEY).path("components").path("alertPath").path("status").asText()).isEqualTo("UP");
        camel.getRouteController().stopRoute("cmohub-coordination-alerts");
        call("POST", "/services/hub-alerts/v1", HUB_KEY, "text/xml; charset=UTF-8", A52Scenario.callback("AL-BULK-A52-WAITING").replace("Z8V96FJKFU32", "KBLNWF37VU8H")); // another pack: not the same alert
        JsonNode behind = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> CanonicalJson.mapper().readTree(call("GET", "/actuator/health", ADMIN_KEY, null, null).body()),
                        h -> h.path("components").path("alertPath").path("status").asText().equals("OUT_OF_SERVICE"));
        assertThat(behind.path("components").path("alertPath").path("details").path("messages").asLong()).isEqualTo(1);
        assertThat(json("/actuator/metrics/cmohub.queue.messages?tag=queue:cmohub.coordination.alerts", ADMIN_KEY).path("measurements").get(0)
                .path("value").asDouble()).isEqualTo(1.0);
        assertThat(json("/actuator/metrics/cmohub.cases.open", ADMIN_KEY).path("measurements").get(0).path("value").asDouble()).isEqualTo(1.0);
        camel.getRouteController().startRoute("cmohub-coordination-alerts");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> CanonicalJson.mapper().readTree(call("GET", "/actuator/health", ADMIN_KEY, null, null).body())
                        .path("components").path("alertPath").path("status").asText(), "UP"::equals);
    }

    Instant lastChunkApplied() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(applied_at) FROM coordination_serial_chunk")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    JsonNode batch(String productAndBatch) throws Exception {
        return json("/api/v1/batches/" + productAndBatch, ADMIN_KEY);
    }

    String upload(String format, String body) throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/partners/acme-lyon/documents?format=" + format, ACME_KEY, "application/octet-stream", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return CanonicalJson.mapper().readTree(response.body()).get("documentId").asText();
    }

    void accepted(String documentId) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> json("/api/v1/documents/" + documentId, ACME_KEY).path("status").asText(), "ACCEPTED"::equals);
    }

    JsonNode json(String path, String key) throws Exception {
        HttpResponse<String> response = call("GET", path, key, null, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return CanonicalJson.mapper().readTree(response.body());
    }

    HttpResponse<String> call(String method, String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", key).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
