package io.cmohub.gateway.server.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.people.BrowserSession;
import io.cmohub.gateway.server.people.SigningPerson;
import io.cmohub.model.codec.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An integration engineer onboards a CMO's export without a restart: saves its mapping file through the
 * API (signed), creates the partner with that format, and the partner's next upload is read with it;
 * a second version takes over from the next document on, and every save is in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MappingAdministrationTest {
    static final String ADMIN_KEY = "mapping-test-admin-key-0001";
    static final String LOTS_V1 = """
            id: delta-lots
            title: DELTA lot list
            description: Lots released by DELTA, pipe-separated
            source: {format: csv, delimiter: "|"}
            records:
              - entity: batch
                fields:
                  product: GTIN
                  batchId: Lot
                  status: {const: RELEASED}
                  site: {const: DELTA-1}
            """;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmohub.data-dir", () -> Path.of("target", "mappings-" + UUID.randomUUID()).toAbsolutePath().toString());
        registry.add("cmohub.admin.api-key", () -> ADMIN_KEY);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void aMappingSavedThroughTheApiReadsTheNewPartnersNextUploadAndANewVersionTakesOver() throws Exception {
        SigningPerson ian = SigningPerson.create(base(), ADMIN_KEY, "ian.integration", "Ian Integration", "ADMIN");
        BrowserSession browser = ian.browser();

        HttpResponse<String> unsigned = browser.sendText("PUT", "/api/v1/admin/mappings/delta-lots", LOTS_V1, Map.of());
        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(403);
        assertThat(unsigned.body()).contains("signed decision");
        HttpResponse<String> broken = browser.sendText("PUT", "/api/v1/admin/mappings/delta-lots", LOTS_V1.replace("  - entity: batch", "  - entity: bacth"),
                Map.of());
        assertThat(broken.statusCode()).as("an invalid file is refused before any signature is asked").isEqualTo(400);
        assertThat(broken.body()).contains("line ");
        HttpResponse<String> misnamed = browser.sendText("PUT", "/api/v1/admin/mappings/delta-batches", LOTS_V1, Map.of());
        assertThat(misnamed.body()).contains("the file's id is 'delta-lots', but it is saved as 'delta-batches'");
        HttpResponse<String> fixed = browser.sendText("PUT", "/api/v1/admin/mappings/csv-batch-record", LOTS_V1.replace("id: delta-lots",
                "id: csv-batch-record"), Map.of());
        assertThat(fixed.statusCode()).as("a connector of the classpath cannot be replaced").isEqualTo(409);

        HttpResponse<String> saved = browser.sendText("PUT", "/api/v1/admin/mappings/delta-lots?signatureId=" + ian.sign("mapping", "delta-lots", "APPROVED")
                + "&reason=onboarding%20DELTA", LOTS_V1, Map.of("If-Match", "0"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(CanonicalJson.mapper().readTree(saved.body()).path("version").asInt()).isEqualTo(1);

        JsonNode partner = ian.signed("""
                {"id": "delta-cmo", "products": ["05012345678900"], "sites": ["DELTA-1"], "formats": {"delta-lots": {"filePattern": "*.lots"}}}
                """, "partner", "delta-cmo", "APPROVED");
        HttpResponse<String> created = browser.send("POST", "/api/v1/admin/partners", partner);
        assertThat(created.statusCode()).as("a partner can use the saved format at once: " + created.body()).isEqualTo(201);
        String key = CanonicalJson.mapper().readTree(created.body()).path("apiKey").asText();

        assertThat(upload(key, "GTIN|Lot\n05012345678900|D1\n")).as("read with version 1").isEqualTo("ACCEPTED");

        String v2 = LOTS_V1.replace("batchId: Lot", "batchId: Batch");
        HttpResponse<String> stale = browser.sendText("PUT", "/api/v1/admin/mappings/delta-lots?signatureId=" + ian.sign("mapping", "delta-lots", "APPROVED"),
                v2, Map.of("If-Match", "0"));
        assertThat(stale.statusCode()).as("a save over a version the engineer has not seen").isEqualTo(409);
        HttpResponse<String> second = browser.sendText("PUT", "/api/v1/admin/mappings/delta-lots?signatureId=" + ian.sign("mapping", "delta-lots", "APPROVED"),
                v2, Map.of("If-Match", "1"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(upload(key, "GTIN|Lot\n05012345678900|D2\n")).as("the old header no longer fits version 2").isEqualTo("REJECTED");
        assertThat(upload(key, "GTIN|Batch\n05012345678900|D3\n")).isEqualTo("ACCEPTED");

        JsonNode formats = CanonicalJson.mapper().readTree(browser.get("/api/v1/admin/mappings").body());
        assertThat(formats.findValuesAsText("formatId")).contains("delta-lots", "csv-batch-record");
        JsonNode delta = null;
        for (JsonNode format : formats) {
            if (format.path("formatId").asText().equals("delta-lots")) {
                delta = format;
            }
        }
        assertThat(delta.path("source").asText()).isEqualTo("api");
        assertThat(delta.path("version").asInt()).isEqualTo(2);
        assertThat(CanonicalJson.mapper().readTree(browser.get("/api/v1/admin/mappings/delta-lots?version=1").body()).path("definition").asText())
                .isEqualTo(LOTS_V1);
        assertThat(CanonicalJson.mapper().readTree(browser.get("/api/v1/admin/mappings/delta-lots/versions").body())).hasSize(2);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT actor, reason, details FROM audit_event WHERE action = 'MAPPING_CHANGE' ORDER BY seq")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("user:ian.integration (Ian Integration)");
            assertThat(rs.getString(2)).isEqualTo("onboarding DELTA");
            assertThat(rs.getString(3)).contains("version 0 -> 1").contains("sha256=" + JdbcMappings.sha256(LOTS_V1)).contains("signed: Ian Integration");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(3)).contains("version 1 -> 2");
        }
        HttpResponse<String> byKey = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/admin/mappings/delta-lots"))
                .header("X-Api-Key", ADMIN_KEY).PUT(HttpRequest.BodyPublishers.ofString(v2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byKey.statusCode()).as("a key cannot sign, so it cannot save a mapping").isEqualTo(403);
    }

    /** Posts a document as delta-cmo and waits for its outcome. */
    private String upload(String key, String body) throws Exception {
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/partners/delta-cmo/documents"
                + "?format=delta-lots")).header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String documentId = CanonicalJson.mapper().readTree(posted.body()).path("documentId").asText();
        String[] status = {""};
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            HttpResponse<String> document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/" + documentId))
                    .header("X-Api-Key", ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
            status[0] = CanonicalJson.mapper().readTree(document.body()).path("status").asText();
            return List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED").contains(status[0]);
        });
        return status[0];
    }
}
