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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 24 through the running gateway: a sponsor system posts a CSV of packs to
 * {@code /api/v1/eu-hub/pack-state-queries}; the gateway asks its EU Hub simulator (the seeded
 * CZ24001 packs); each answer is a {@code PackState} event that reaches a webhook route filtered on
 * that event type, and nothing else does. A CMO's key is refused; a bad line is named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PackStateQueriesApiTest {
    static final String ADMIN_KEY = "test-admin-key-pack-states-0123456789";
    static final String ACME_KEY = "acme-lyon-key-pack-states-0123456789";
    static final Path DATA_DIR = Path.of("target", "e2e-pack-states-" + UUID.randomUUID()).toAbsolutePath();

    @RegisterExtension
    static WireMockExtension hooks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).resetOnEachTest(false).build();

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;
    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmohub.data-dir", () -> DATA_DIR.toString());
        registry.add("cmohub.admin.api-key", () -> ADMIN_KEY);
        registry.add("cmohub.partners[0].id", () -> "acme-lyon");
        registry.add("cmohub.partners[0].api-key", () -> ACME_KEY);
        registry.add("cmohub.partners[0].products", () -> "05012345100012");
        registry.add("cmohub.partners[0].formats.csv-batch-record.file-pattern", () -> "*.csv");
        registry.add("cmohub.outbound.routes[0].name", () -> "serialization-ops");
        registry.add("cmohub.outbound.routes[0].kind", () -> "WEBHOOK");
        registry.add("cmohub.outbound.routes[0].destination", () -> hooks.baseUrl() + "/hooks/pack-states");
        registry.add("cmohub.outbound.routes[0].secret", () -> "pack-state-webhook-secret-0123456789");
        registry.add("cmohub.outbound.routes[0].event-types", () -> "io.cmohub.pack-state.reported.v1");
        registry.add("cmohub.eu-hub.pack-state-queries.period", () -> "200ms");
        registry.add("cmohub.eu-hub.pack-state-sweeps.enabled", () -> "false");
    }

    HttpResponse<String> call(String method, String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("X-Api-Key", key);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCsvQueryIsAnsweredAndEachPackStateReachesTheWebhookFilteredOnItsType() throws Exception {
        hooks.stubFor(post(urlEqualTo("/hooks/pack-states")).willReturn(aResponse().withStatus(200)));
        String csv = """
                product,serial
                05012345100012,DEK76RN3RKAY
                05012345100012,GUM2RWKXJSZL
                05012345100012,CDVZ2D89LY5J
                05012345100012,NOTUPLOADED1
                """;
        HttpResponse<String> submitted = call("POST", "/api/v1/eu-hub/pack-state-queries?market=DE", ADMIN_KEY, "text/csv", csv);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String queryId = CanonicalJson.mapper().readTree(submitted.body()).get("queryId").asText();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/v1/eu-hub/pack-state-queries/" + queryId);

        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> CanonicalJson.mapper().readTree(call("GET", "/api/v1/eu-hub/pack-state-queries/" + queryId, ADMIN_KEY, null, null).body()),
                status -> "COMPLETED".equals(status.path("status").asText()));
        assertThat(done.path("progress").path("asked").asLong()).isEqualTo(4);
        assertThat(done.path("progress").path("answered").asLong()).isEqualTo(4);
        assertThat(done.path("summary").path("ACTIVE").asLong()).isEqualTo(1);
        assertThat(done.path("summary").path("SUPPLIED").asLong()).isEqualTo(1);
        assertThat(done.path("summary").path("DESTROYED").asLong()).isEqualTo(1);
        assertThat(done.path("summary").path("UNKNOWN_SERIAL").asLong()).isEqualTo(1);
        assertThat(done.path("requestedBy").asText()).isEqualTo("admin");
        JsonNode running = CanonicalJson.mapper().readTree(call("GET", "/actuator/metrics/cmohub.pack_state.queries?tag=state:RUNNING", ADMIN_KEY,
                null, null).body());
        assertThat(running.path("measurements").get(0).path("value").asDouble()).as("no query left running").isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> hooks.findAll(postRequestedFor(urlEqualTo("/hooks/pack-states"))).size() >= 3);
        Thread.sleep(500); // the summary would arrive here if the filter let it through
        List<LoggedRequest> delivered = hooks.findAll(postRequestedFor(urlEqualTo("/hooks/pack-states")));
        assertThat(delivered).hasSize(3);
        List<String> serials = delivered.stream().map(r -> {
            try {
                JsonNode event = CanonicalJson.mapper().readTree(r.getBodyAsString());
                assertThat(event.path("type").asText()).isEqualTo("io.cmohub.pack-state.reported.v1");
                return event.path("data").path("serial").asText() + "=" + event.path("data").path("state").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(serials).containsExactlyInAnyOrder("DEK76RN3RKAY=ACTIVE", "GUM2RWKXJSZL=SUPPLIED", "CDVZ2D89LY5J=DESTROYED");

        HttpResponse<String> results = call("GET", "/api/v1/eu-hub/pack-state-queries/" + queryId + "/results?offset=1&limit=2", ADMIN_KEY, null, null);
        JsonNode page = CanonicalJson.mapper().readTree(results.body());
        assertThat(page.path("packs")).hasSize(2);
        assertThat(page.path("packs").get(0).path("serial").asText()).isEqualTo("GUM2RWKXJSZL");
        assertThat(page.path("packs").get(0).path("decommissionLocation").asText()).contains("Koeln");
        HttpResponse<String> asCsv = call("GET", "/api/v1/eu-hub/pack-state-queries/" + queryId + "/results.csv", ADMIN_KEY, null, null);
        assertThat(asCsv.statusCode()).isEqualTo(200);
        assertThat(asCsv.body().lines()).hasSize(5).first().asString().startsWith("seq,product,serial,market,answer");
        assertThat(asCsv.body()).contains("3,05012345100012,NOTUPLOADED1,DE,UNKNOWN_SERIAL");
    }

    @Test
    void aCmoKeyIsRefusedAndABadLineIsNamed() throws Exception {
        HttpResponse<String> byCmo = call("POST", "/api/v1/eu-hub/pack-state-queries", ACME_KEY, "application/json",
                "{\"packs\": [{\"product\": \"05012345100012\", \"serial\": \"DEK76RN3RKAY\"}]}");
        assertThat(byCmo.statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/eu-hub/pack-state-queries", ACME_KEY, null, null).statusCode()).isEqualTo(403);

        HttpResponse<String> bad = call("POST", "/api/v1/eu-hub/pack-state-queries", ADMIN_KEY, "text/csv",
                "product,serial\n05012345100012,DEK76RN3RKAY\n05012345100013,X1\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode reasons = CanonicalJson.mapper().readTree(bad.body()).path("reasons");
        assertThat(reasons.get(0).asText()).startsWith("line 3: ").contains("05012345100013");

        List<String> refusals = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT action, actor, reason FROM audit_event WHERE outcome = 'DENIED' ORDER BY seq");
             var rs = q.executeQuery()) {
            while (rs.next()) {
                refusals.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        assertThat(refusals).as("the refusal and the CMO's attempt are both in the audit trail")
                .anySatisfy(r -> assertThat(r).startsWith("PACK_STATE_QUERY_REFUSED admin").contains("05012345100013"))
                .anySatisfy(r -> assertThat(r).startsWith("ACCESS_DENIED acme-lyon one of the roles"));

        HttpResponse<String> unknownBatch = call("POST", "/api/v1/eu-hub/pack-state-queries", ADMIN_KEY, "application/json",
                "{\"batch\": {\"product\": \"05012345100012\", \"batchId\": \"NOSUCH1\"}}");
        assertThat(unknownBatch.statusCode()).isEqualTo(400);
        assertThat(unknownBatch.body()).contains("batch NOSUCH1 of product 05012345100012 is unknown to the hub's registry");
        assertThat(call("GET", "/api/v1/eu-hub/pack-state-queries/psq-nope", ADMIN_KEY, null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> asForm = call("POST", "/api/v1/eu-hub/pack-state-queries", ADMIN_KEY, "application/x-www-form-urlencoded",
                "product,serial\n05012345100012,DEK76RN3RKAY\n");
        assertThat(asForm.statusCode()).isEqualTo(415);
        assertThat(asForm.body()).contains("raw request body");
    }
}
