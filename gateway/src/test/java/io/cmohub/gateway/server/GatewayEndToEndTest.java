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
import io.cmohub.routes.outbound.WebhookSignature;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway as a partner and a sponsor system see it: started on a random port with its embedded
 * defaults (persistent Artemis, H2 file database, file document store), a CMO posting files over
 * HTTP, a JMS consumer and a WireMock webhook receiving the canonical events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
abstract class GatewayEndToEndTest {
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String ACME_KEY = "acme-e2e-partner-key-0001";
    static final String BETA_KEY = "beta-key-0123456789";
    static final String WEBHOOK_SECRET = "webhook-secret-0123456789";

    @RegisterExtension
    static WireMockExtension webhook = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).resetOnEachTest(false).build();

    /** Under target/, one per test class: each class has its own context, broker journal and database. */
    static Path newDataDir() {
        return Path.of("target", "e2e-" + java.util.UUID.randomUUID()).toAbsolutePath();
    }

    abstract Path dataDir();

    static void gatewayProperties(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("cmohub.data-dir", () -> dataDir.toString());
        registry.add("cmohub.admin.api-key", () -> ADMIN_KEY);
        registry.add("cmohub.rate-limit.denial-audit-interval", () -> "3s");
        registry.add("cmohub.partners[0].id", () -> "beta-cmo");
        registry.add("cmohub.partners[0].api-key", () -> BETA_KEY);
        registry.add("cmohub.partners[0].products", () -> "04012345000023");
        registry.add("cmohub.partners[0].sites", () -> "BETA-1");
        registry.add("cmohub.partners[0].formats.csv-batch-record.file-pattern", () -> "*.csv");
        registry.add("cmohub.partners[0].formats.erp-batch-release-json.file-pattern", () -> "*.json");
        registry.add("cmohub.partners[0].formats.beta-lots.file-pattern", () -> "*.lots");
        // acme-cmo as the demo seeds it, but configured: the demo key opens only the embedded default, and this test also runs on PostgreSQL
        registry.add("cmohub.partners[1].id", () -> "acme-cmo");
        registry.add("cmohub.partners[1].name", () -> "ACME Contract Manufacturing");
        registry.add("cmohub.partners[1].api-key", () -> ACME_KEY);
        registry.add("cmohub.partners[1].products", () -> "05012345678900,111234567842");
        registry.add("cmohub.partners[1].sites", () -> "ACME-LYON,ACME-KOELN");
        registry.add("cmohub.partners[1].formats.csv-batch-record.file-pattern", () -> "*.csv");
        registry.add("cmohub.partners[1].formats.canonical-json.file-pattern", () -> "*.*json");
        registry.add("cmohub.mappings", () -> Path.of("src/test/resources/mappings").toAbsolutePath().toString());
        registry.add("cmohub.outbound.routes[0].name", () -> "erp");
        registry.add("cmohub.outbound.routes[0].kind", () -> "JMS");
        registry.add("cmohub.outbound.routes[0].destination", () -> "jms:queue:sponsor.erp");
        registry.add("cmohub.outbound.routes[0].event-types", () -> "io.cmohub.batch.updated.v1");
        registry.add("cmohub.outbound.routes[1].name", () -> "qms");
        registry.add("cmohub.outbound.routes[1].kind", () -> "WEBHOOK");
        registry.add("cmohub.outbound.routes[1].destination", () -> webhook.baseUrl() + "/hooks/cmohub");
        registry.add("cmohub.outbound.routes[1].secret", () -> WEBHOOK_SECRET);
        registry.add("cmohub.outbound.routes[1].markets", () -> "FR");
        registry.add("cmohub.outbound.routes[1].max-attempts", () -> "3");
        registry.add("cmohub.outbound.routes[1].initial-delay-ms", () -> "100");
        registry.add("cmohub.outbound.routes[2].name", () -> "drop");
        registry.add("cmohub.outbound.routes[2].kind", () -> "FILE");
        registry.add("cmohub.outbound.routes[2].file-format", () -> "CSV");
        registry.add("cmohub.outbound.routes[2].destination", () -> dataDir.resolve("outbound-drop").toString());
        registry.add("cmohub.outbound.routes[1].timeout-ms", () -> "1500");
    }

    static final String BATCHES = Files.exists(Path.of("src/test/resources/cli/acme-batch-records.csv")) ? read("src/test/resources/cli/acme-batch-records.csv") : null;

    @org.junit.jupiter.api.BeforeAll
    static void forgetOtherClassesDeliveries() {
        webhook.resetAll();
    }

    @LocalServerPort
    int port;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        request.header("Content-Type", "text/csv");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String postDocument(String partner, String key, String body) throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/partners/" + partner + "/documents?format=csv-batch-record", key, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return CanonicalJson.mapper().readTree(response.body()).get("documentId").asText();
    }

    JsonNode awaitFinished(String documentId, String key) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = call("GET", "/api/v1/documents/" + documentId, key, null);
            return CanonicalJson.mapper().readTree(response.body());
        }, status -> List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED").contains(status.path("status").asText()));
    }

    List<String> drainQueue(String queue, Duration wait) throws Exception {
        List<String> bodies = new ArrayList<>();
        // The Artemis factory itself: Spring's caching factory keeps closed consumers (and their prefetched messages) alive.
        try (Connection connection = io.cmohub.gateway.server.wiring.OutboundConfiguration.artemis(connectionFactory).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message;
            while ((message = consumer.receive(wait.toMillis())) != null) {
                bodies.add(((TextMessage) message).getText());
            }
        }
        return bodies;
    }

    @Test
    void withoutAFormatTheGatewayChoosesThePartnersFormatByFileNameIncludingMappingsFromAFolder() throws Exception {
        String json = "{\"batches\": [{\"material\": {\"gtin\": \"04012345000023\"}, \"lot\": \"BJ-" + System.nanoTime()
                + "\", \"stockCategory\": \"UR\", \"plant\": \"BETA-1\"}]}";
        JsonNode fromJson = awaitFinished(postWithoutFormat("release.json", json), BETA_KEY);
        assertThat(fromJson.path("format").asText()).isEqualTo("erp-batch-release-json");
        assertThat(fromJson.path("status").asText()).as(fromJson.toString()).isEqualTo("ACCEPTED");

        JsonNode fromFolderMapping = awaitFinished(postWithoutFormat("today.lots", "GTIN|Lot|Remark\n04012345000023|BL-" + System.nanoTime() + "|ok\n"),
                BETA_KEY);
        assertThat(fromFolderMapping.path("format").asText()).isEqualTo("beta-lots");
        assertThat(fromFolderMapping.path("status").asText()).as(fromFolderMapping.toString()).isEqualTo("ACCEPTED");
        // a column the mapping does not read is a notice on the document, kept with it, not an error
        assertThat(fromFolderMapping.path("notices").get(0).path("message").asText()).startsWith("1 column is not read by the mapping: Remark");
        assertThat(fromFolderMapping.path("notices").get(0).path("location").asText()).isEqualTo("line 1");

        HttpResponse<String> ambiguous = call("POST", "/api/v1/partners/beta-cmo/documents", BETA_KEY, "x");
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(ambiguous.body()).contains("query parameter 'format' is required").contains("csv-batch-record").contains("beta-lots")
                .contains("no X-File-Name");
    }

    private String postWithoutFormat(String fileName, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/partners/beta-cmo/documents"))
                .header("X-Api-Key", BETA_KEY).header("X-File-Name", fileName).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return CanonicalJson.mapper().readTree(response.body()).get("documentId").asText();
    }

    @Test
    @Order(1)
    void aCmoFileBecomesCanonicalEventsOnJmsAndOnASignedWebhook() throws Exception {
        webhook.stubFor(post(urlEqualTo("/hooks/cmohub")).willReturn(aResponse().withStatus(204)));
        String id = postDocument("acme-cmo", ACME_KEY, BATCHES);
        JsonNode status = awaitFinished(id, ACME_KEY);
        assertThat(status.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(status.get("published").asLong()).isEqualTo(4);

        List<String> erp = drainQueue("sponsor.erp", Duration.ofSeconds(5));
        assertThat(erp).hasSize(4);
        Set<String> ids = new HashSet<>();
        for (String body : erp) {
            JsonNode event = CanonicalJson.mapper().readTree(body);
            assertThat(event.get("type").asText()).isEqualTo("io.cmohub.batch.updated.v1");
            ids.add(event.get("id").asText());
        }
        assertThat(ids).hasSize(4);

        // The webhook route subscribes to market FR only: one batch of the sample is for FR.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> webhook.verify(1, postRequestedFor(urlEqualTo("/hooks/cmohub"))));
        LoggedRequest delivery = webhook.findAll(postRequestedFor(urlEqualTo("/hooks/cmohub"))).get(0);
        assertThat(WebhookSignature.verify(WEBHOOK_SECRET, delivery.getHeader(WebhookSignature.TIMESTAMP_HEADER), delivery.getBody(),
                delivery.getHeader(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(delivery.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(delivery.getHeader("User-Agent")).isEqualTo("cmohub-qms");
        assertThat(delivery.getUrl()).isEqualTo("/hooks/cmohub");
        assertThat(delivery.getHeaders().keys()).noneMatch(h -> h.startsWith("cmohub") || h.startsWith("JMS"));
        JsonNode delivered = CanonicalJson.mapper().readTree(delivery.getBodyAsString());
        assertThat(delivered.at("/data/markets").toString()).contains("FR");
        assertThat(ids).contains(delivered.get("id").asText());

        // Metrics count what happened.
        JsonNode published = CanonicalJson.mapper().readTree(call("GET", "/actuator/metrics/cmohub.records?tag=outcome:published", ADMIN_KEY, null).body());
        assertThat(published.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(4);

        // The CSV drop folder has one file per event.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (var files = Files.list(dataDir().resolve("outbound-drop").resolve("batch"))) {
                assertThat(files.count()).isEqualTo(4);
            }
        });
    }

    @Test
    @Order(2)
    void reSendingTheSameFilePublishesNothingNew() throws Exception {
        String id = postDocument("acme-cmo", ACME_KEY, BATCHES);
        JsonNode status = awaitFinished(id, ACME_KEY);
        assertThat(status.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(status.get("published").asLong()).isZero();
        assertThat(status.get("duplicates").asLong()).isEqualTo(4);
        assertThat(drainQueue("sponsor.erp", Duration.ofSeconds(2))).isEmpty();
        webhook.verify(1, postRequestedFor(urlEqualTo("/hooks/cmohub")));
    }

    @Test
    @Order(3)
    void aMalformedFileIsRejectedWithLocationFieldAndReasonAndKeptInQuarantine() throws Exception {
        String malformed = "product_code,batch_id,status,expiry\n05012345678900,B-X1,RELEASED,251340\n05012345678901,B-X2,RELEASED,270600\n";
        String id = postDocument("acme-cmo", ACME_KEY, malformed);
        JsonNode status = awaitFinished(id, ACME_KEY);
        assertThat(status.get("status").asText()).isEqualTo("REJECTED");
        assertThat(status.get("errors").toString())
                .contains("{\"location\":\"line 2\",\"field\":\"expiry\",\"reason\":\"expiry 251340 has month 13, outside 01-12\"}")
                .contains("\"location\":\"line 3\",\"field\":\"product_code\"");

        HttpResponse<String> quarantine = call("GET", "/api/v1/quarantine", ACME_KEY, null);
        assertThat(quarantine.body()).contains(id);
        HttpResponse<String> original = call("GET", "/api/v1/quarantine/" + id + "/content", ACME_KEY, null);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(malformed);

        // Replay is an admin action; a partner cannot trigger it.
        assertThat(call("POST", "/api/v1/quarantine/" + id + "/replay", ACME_KEY, null).statusCode()).isEqualTo(403);
        HttpResponse<String> replay = call("POST", "/api/v1/quarantine/" + id + "/replay", ADMIN_KEY, null);
        assertThat(replay.statusCode()).isEqualTo(202);
        String replayed = CanonicalJson.mapper().readTree(replay.body()).get("documentId").asText();
        assertThat(awaitFinished(replayed, ADMIN_KEY).get("replayOf").asText()).isEqualTo(id);
    }

    @Test
    @Order(4)
    void aPartnerIsRefusedOnAnotherPartnersPathAndForProductsNotRegisteredToIt() throws Exception {
        HttpResponse<String> foreignPath = call("POST", "/api/v1/partners/beta-cmo/documents?format=csv-batch-record", ACME_KEY, BATCHES);
        assertThat(foreignPath.statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/partners/acme-cmo/documents?format=csv-batch-record", "wrong-key", BATCHES).statusCode()).isEqualTo(401);

        String id = postDocument("acme-cmo", ACME_KEY, "product_code,batch_id,status\n04012345000023,B-FOREIGN,RELEASED\n");
        JsonNode status = awaitFinished(id, ACME_KEY);
        assertThat(status.get("status").asText()).isEqualTo("REJECTED");
        assertThat(status.get("errors").get(0).get("reason").asText()).contains("product 04012345000023 is not registered to partner 'acme-cmo'");

        // Nor can a partner read another partner's document status.
        assertThat(call("GET", "/api/v1/documents/" + id, BETA_KEY, null).statusCode()).isEqualTo(404);

        try (var c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT action, actor, reason FROM audit_event WHERE outcome = 'DENIED' ORDER BY seq")) {
            List<String> denied = new ArrayList<>();
            while (rs.next()) {
                denied.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            assertThat(denied).anyMatch(d -> d.startsWith("ACCESS_DENIED acme-cmo partner 'acme-cmo' may not act for partner 'beta-cmo'"));
            assertThat(denied).anyMatch(d -> d.startsWith("ACCESS_DENIED anonymous"));
            assertThat(denied).anyMatch(d -> d.startsWith("RECORD_REJECTED acme-cmo not authorised: product 04012345000023"));
        }
    }

    @Test
    @Order(10)
    void theAuditChainVerifiesUntilARowIsEdited() throws Exception {
        assertThat(call("GET", "/api/v1/admin/audit/verification", ACME_KEY, null).statusCode()).isEqualTo(403);
        JsonNode ok = CanonicalJson.mapper().readTree(call("GET", "/api/v1/admin/audit/verification", ADMIN_KEY, null).body());
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("rowsChecked").asLong()).isGreaterThan(10);

        try (var c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 5");
        }
        JsonNode broken = CanonicalJson.mapper().readTree(call("GET", "/api/v1/admin/audit/verification", ADMIN_KEY, null).body());
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("firstBadSeq").asLong()).isEqualTo(5);
    }

    @Test
    @Order(6)
    void webhookRetriesOnServerErrorsAndTimeoutsThenDeadLettersAndReplays() throws Exception {
        webhook.resetAll();
        // A 500 and then a slow (but in time) success: delivered on the second attempt.
        webhook.stubFor(post(urlEqualTo("/hooks/cmohub")).inScenario("flaky").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        webhook.stubFor(post(urlEqualTo("/hooks/cmohub")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withFixedDelay(500)));
        String first = postDocument("acme-cmo", ACME_KEY, "product_code,batch_id,status,markets\n05012345678900,W-1,RELEASED,FR\n");
        assertThat(awaitFinished(first, ACME_KEY).get("status").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> webhook.verify(2, postRequestedFor(urlEqualTo("/hooks/cmohub"))));

        // An endpoint slower than the 1.5 s response timeout: three attempts, then the dead-letter queue.
        webhook.resetAll();
        webhook.stubFor(post(urlEqualTo("/hooks/cmohub")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        String second = postDocument("acme-cmo", ACME_KEY, "product_code,batch_id,status,markets\n05012345678900,W-2,RELEASED,FR\n");
        assertThat(awaitFinished(second, ACME_KEY).get("status").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(
                () -> CanonicalJson.mapper().readTree(call("GET", "/api/v1/admin/outbound/qms/dead-letters", ADMIN_KEY, null).body())
                        .path("deadLetters").asInt() == 1);
        assertThat(webhook.findAll(postRequestedFor(urlEqualTo("/hooks/cmohub")))).hasSize(3);
        // the operator sees it as a gauge of the route's dead-letter queue (sampled every 5 s)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> CanonicalJson.mapper()
                .readTree(call("GET", "/actuator/metrics/cmohub.queue.messages?tag=queue:cmohub.dlq.qms", ADMIN_KEY, null).body())
                .path("measurements").path(0).path("value").asDouble() == 1.0);

        // The receiver is fixed; the admin replays; the event arrives, signed, and the dead-letter queue is empty.
        webhook.resetAll();
        webhook.stubFor(post(urlEqualTo("/hooks/cmohub")).willReturn(aResponse().withStatus(204)));
        drainQueue("sponsor.erp", Duration.ofSeconds(2));
        assertThat(call("POST", "/api/v1/admin/outbound/qms/replay", ACME_KEY, null).statusCode()).isEqualTo(403);
        HttpResponse<String> replay = call("POST", "/api/v1/admin/outbound/qms/replay", ADMIN_KEY, null);
        assertThat(CanonicalJson.mapper().readTree(replay.body()).get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> webhook.verify(1, postRequestedFor(urlEqualTo("/hooks/cmohub"))));
        LoggedRequest delivered = webhook.findAll(postRequestedFor(urlEqualTo("/hooks/cmohub"))).get(0);
        assertThat(delivered.getBodyAsString()).contains("W-2");
        assertThat(WebhookSignature.verify(WEBHOOK_SECRET, delivered.getHeader(WebhookSignature.TIMESTAMP_HEADER), delivered.getBody(),
                delivered.getHeader(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(CanonicalJson.mapper().readTree(call("GET", "/api/v1/admin/outbound/qms/dead-letters", ADMIN_KEY, null).body())
                .path("deadLetters").asInt()).isZero();
        // The replay was for the webhook route only: the ERP route, which had the event already, does not get it again.
        assertThat(drainQueue("sponsor.erp", Duration.ofSeconds(2))).noneMatch(body -> body.contains("W-2"));
    }

    @Test
    @Order(7)
    void filesDroppedInThePartnersInboxAreProcessedAndMovedAfterTheirOutcome() throws Exception {
        Path inbox = Files.createDirectories(dataDir().resolve("inbox").resolve("acme-cmo"));
        Files.writeString(inbox.resolve("good.csv"), "product_code,batch_id,status\n05012345678900,I-1,RELEASED\n");
        Files.writeString(inbox.resolve("bad.csv"), "product_code,batch_id\n05012345678900,I-2\n");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.resolve("done").resolve("good.csv")).exists();
            assertThat(inbox.resolve("failed").resolve("bad.csv")).exists();
        });
        assertThat(inbox.resolve("good.csv")).doesNotExist();
    }

    @Test
    @Order(8)
    void documentsSentAsJmsMessagesGoThroughTheSamePipeline() throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("product_code,batch_id,status,markets\n05012345678900,J-1,RELEASED,DE\n");
            message.setStringProperty("CmoHubPartner", "acme-cmo");
            message.setStringProperty("CmoHubFormat", "csv-batch-record");
            session.createProducer(session.createQueue("cmohub.inbound")).send(message);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(drainQueue("sponsor.erp", Duration.ofSeconds(1)))
                .anyMatch(body -> body.contains("J-1")));

        // Nonsense headers are recorded and rejected with a reason, not lost in the broker.
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("anything");
            message.setStringProperty("CmoHubPartner", "x".repeat(100) + "\u0000\nforged");
            session.createProducer(session.createQueue("cmohub.inbound")).send(message);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode quarantine = CanonicalJson.mapper().readTree(call("GET", "/api/v1/quarantine", ADMIN_KEY, null).body());
            assertThat(quarantine.findValuesAsText("partner")).anyMatch(p -> p.startsWith("xxxx") && !p.contains("\n") && p.length() <= 64);
        });

        // A bytes message is a document too; an object message (Java serialisation) is refused and never deserialised.
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes("product_code,batch_id,status,markets\n05012345678900,J-2,RELEASED,DE\n".getBytes(StandardCharsets.UTF_8));
            bytes.setStringProperty("CmoHubPartner", "acme-cmo");
            bytes.setStringProperty("CmoHubFormat", "csv-batch-record");
            session.createProducer(session.createQueue("cmohub.inbound")).send(bytes);
            jakarta.jms.ObjectMessage object = session.createObjectMessage(new Tripwire());
            object.setStringProperty("CmoHubPartner", "acme-cmo");
            object.setStringProperty("CmoHubFormat", "csv-batch-record");
            session.createProducer(session.createQueue("cmohub.inbound")).send(object);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(drainQueue("sponsor.erp", Duration.ofSeconds(1)))
                .anyMatch(body -> body.contains("J-2")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> reasons = new java.util.ArrayList<>();
            for (JsonNode document : CanonicalJson.mapper().readTree(call("GET", "/api/v1/quarantine", ACME_KEY, null).body())) {
                if (document.path("channel").asText().equals("jms")) {
                    reasons.addAll(CanonicalJson.mapper().readTree(call("GET", "/api/v1/documents/" + document.path("documentId").asText(), ACME_KEY, null)
                            .body()).findValuesAsText("reason"));
                }
            }
            assertThat(reasons).anyMatch(r -> r.startsWith("a JMS ObjectMessage is not a document"));
        });
        assertThat(Tripwire.DESERIALISED).as("the object message's body was never deserialised").isFalse();
    }

    /** A serialised object that notices when it is deserialised. */
    static final class Tripwire implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean DESERIALISED;

        private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            DESERIALISED = true;
        }
    }

    @Test
    @Order(9)
    void hostileInputGetsFourHundredsNeverFiveHundreds() throws Exception {
        assertThat(call("POST", "/api/v1/partners/acme-cmo/documents", ACME_KEY, BATCHES).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/partners/acme-cmo/documents?format=no-such", ACME_KEY, BATCHES).statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/partners/nobody/documents?format=csv-batch-record", ADMIN_KEY, BATCHES).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/documents/does-not-exist", ACME_KEY, null).statusCode()).isEqualTo(404);
        // An encoded path must not slip past authentication.
        assertThat(call("GET", "/%61pi/v1/quarantine", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/quarantine", null, null).statusCode()).isEqualTo(401);
        String binary = new String(new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2}, StandardCharsets.ISO_8859_1);
        String id = postDocument("acme-cmo", ACME_KEY, binary);
        assertThat(awaitFinished(id, ACME_KEY).get("status").asText()).isEqualTo("REJECTED");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /**
     * The database fails under a request: 503 with Retry-After, no internal text, no orphaned original; once it is
     * back the same request is taken. A dispatch message that dead-lettered is listed and replayed by the admin.
     */
    @Test
    @Order(10)
    void aDatabaseFaultAnswers503WithoutAnOrphanAndDeadLetteredDispatchesAreReplayed() throws Exception {
        String csv = "product_code,batch_id,status\n05012345678900,DB-1,RELEASED\n";
        long originals = originals();
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("ALTER TABLE document RENAME TO document_offline");
        }
        HttpResponse<String> refused;
        try {
            refused = call("POST", "/api/v1/partners/acme-cmo/documents?format=csv-batch-record", ACME_KEY, csv);
        } finally {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("ALTER TABLE document_offline RENAME TO document");
            }
        }
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("30");
        assertThat(refused.body()).contains("send the request again later").doesNotContainIgnoringCase("sql").doesNotContain("document_offline");
        assertThat(originals()).as("no original kept without its registration").isEqualTo(originals);
        assertThat(awaitFinished(postDocument("acme-cmo", ACME_KEY, csv), ACME_KEY).get("status").asText()).isEqualTo("ACCEPTED");

        assertThat(call("POST", "/api/v1/partners/acme-cmo/documents?format=csv-batch-record", ACME_KEY, csv).statusCode()).isEqualTo(202);
        HttpRequest.Builder multipart = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/partners/acme-cmo/documents?format=csv-batch-record"))
                .header("X-Api-Key", ACME_KEY).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + csv + "\r\n--x--\r\n"));
        HttpResponse<String> form = http.send(multipart.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).contains("raw request body");

        // A dispatch that failed on every delivery (the database was down throughout) waits in cmohub.dlq.
        String stranded = context.getBean(io.cmohub.routes.pipeline.DocumentIntake.class).receive("acme-cmo", "csv-batch-record", "http", "dlq.csv",
                new java.io.ByteArrayInputStream("product_code,batch_id,status\n05012345678900,DLQ-1,RELEASED\n".getBytes(StandardCharsets.UTF_8)), null)
                .documentId();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("cmohub.dlq")).send(session.createTextMessage(stranded));
        }
        JsonNode letters = CanonicalJson.mapper().readTree(call("GET", "/api/v1/admin/dead-letters", ADMIN_KEY, null).body());
        assertThat(letters.findValuesAsText("documentId")).contains(stranded);
        assertThat(call("GET", "/api/v1/admin/dead-letters", ACME_KEY, null).statusCode()).isEqualTo(403);
        JsonNode replay = CanonicalJson.mapper().readTree(call("POST", "/api/v1/admin/dead-letters/replay", ADMIN_KEY, null).body());
        assertThat(replay.get("dispatched").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(awaitFinished(stranded, ACME_KEY).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(CanonicalJson.mapper().readTree(call("GET", "/api/v1/admin/dead-letters", ADMIN_KEY, null).body()).findValuesAsText("documentId"))
                .doesNotContain(stranded);
    }

    private long originals() throws java.io.IOException {
        try (var files = Files.walk(dataDir().resolve("documents"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** The pipeline and the schema come from cmohub-spring-boot-starter; the gateway adds its observer and its EU Hub client. */
    @Test
    void thePipelineIsTheStartersWithTheGatewaysObserverEuHubClientAndSchema() throws Exception {
        io.cmohub.routes.templates.CmoHubPipeline pipeline =
                context.getBean(io.cmohub.routes.templates.CmoHubPipeline.BEAN_NAME, io.cmohub.routes.templates.CmoHubPipeline.class);
        assertThat(pipeline.auditTrail()).isSameAs(context.getBean(io.cmohub.routes.audit.AuditTrail.class));
        assertThat(pipeline.documentStore()).isSameAs(context.getBean(io.cmohub.routes.store.DocumentStore.class));
        assertThat(context.getBean(io.cmohub.routes.pipeline.DocumentProcessor.class)).isSameAs(pipeline.processor());
        assertThat(context.getBeansOfType(io.cmohub.routes.pipeline.IntakeRoutes.class)).hasSize(1);
        assertThat(context.getBeansOfType(io.cmohub.routes.pipeline.PipelineObserver.class).values())
                .singleElement().isInstanceOf(io.cmohub.gateway.server.wiring.MicrometerPipelineObserver.class);
        // exactly one EU Hub client: the gateway's (simulator), the starter's backs off
        assertThat(context.getBeansOfType(io.cmohub.euhub.EuHubGateway.class)).containsOnlyKeys("euHubGateway");
        assertThat(((org.springframework.context.ConfigurableApplicationContext) context).getBeanFactory().getBeanDefinition("euHubGateway")
                .getFactoryBeanName()).isEqualTo("euHubConfiguration");
        // the schema is the hub's own Flyway's (the starter's), in the history table gateway databases always had;
        // Spring Boot's Flyway is off, so nothing migrates a second time
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.ResultSet tables = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(names).contains("flyway_schema_history", "document", "coordination_case").doesNotContain("cmohub_schema_history");
            assertThat(context.getBeansOfType(org.flywaydb.core.Flyway.class)).isEmpty();
        }
    }

    /**
     * A flood of bad keys: after the allowed failures the source gets 429 with Retry-After before its keys are
     * looked at, and the audit trail has the first refusal plus one summary row, not a row per request. Last in
     * the class, because it exhausts the test's own address.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFloodOfBadKeysIsThrottledAndAuditedAsASummaryNotRowByRow() throws Exception {
        Thread.sleep(3500); // earlier tests' refusals: their audit interval (3 s here) has ended
        context.getBean(io.cmohub.gateway.server.security.DenialLog.class).flushEnded(); // and their summaries are written
        long before = deniedRows();
        int unauthorized = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 60; i++) {
            last = call("GET", "/api/v1/quarantine", "guess-" + i, null);
            if (last.statusCode() == 401) {
                unauthorized++;
            }
        }
        // 30 per minute, less what earlier tests of the class used from the same address (refilled gradually)
        assertThat(unauthorized).as("failed authentications allowed per minute").isBetween(20, 31);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // Every refusal is in the trail, as the first of its interval (a row of its own) or in its interval's
        // summary; on a slow machine the flood can outlast one 3 s interval, so count refusals, not rows.
        assertThat(deniedRows() - before).as("the first refusal at once, the rest held for a summary").isBetween(1L, 5L);
        await().atMost(Duration.ofSeconds(20)).until(() -> auditedRefusalsSince(before) == 60);
        assertThat(deniedRows() - before).as("rows for 60 refusals").isLessThanOrEqualTo(10);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT reason FROM audit_event WHERE action = 'ACCESS_DENIED' ORDER BY seq DESC")) {
            rs.next();
            assertThat(rs.getString(1)).containsPattern("\\d+ more refusals from this source");
        }
    }

    /** Refusals audited after the first {@code skipRows} denial rows: a first-of-interval row counts one, a summary its suppressed ones. */
    private long auditedRefusalsSince(long skipRows) throws Exception {
        long refusals = 0;
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT details FROM audit_event WHERE action = 'ACCESS_DENIED' ORDER BY seq")) {
            for (long row = 0; rs.next(); row++) {
                if (row < skipRows) {
                    continue;
                }
                java.util.regex.Matcher summary = java.util.regex.Pattern.compile("refusals=(\\d+)").matcher(rs.getString(1));
                refusals += summary.find() ? Long.parseLong(summary.group(1)) - 1 : 1;
            }
        }
        return refusals;
    }

    private long deniedRows() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'ACCESS_DENIED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
