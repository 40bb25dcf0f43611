package io.cmohub.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.process.GatewayProcess;
import io.cmohub.model.codec.CanonicalJson;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A hostile partner against the packaged gateway on its embedded defaults, in its own JVM with the
 * 768 MB heap of the smallest supported installation: what it sends through the real HTTP API and
 * its real inbox folder is refused with a reason in its quarantine, and the gateway keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    private static final String NORMAL_CSV = "product_code,batch_id,status\n05012345678900,%s,RELEASED\n";
    private final GatewayProcess gateway = new GatewayProcess(Path.of("target", "hostile-" + UUID.randomUUID()));

    @BeforeAll
    void start() throws Exception {
        gateway.start("gateway", "768m", List.of("--cmohub.sweeper.period-ms=2000"));
    }

    @AfterAll
    void stop() throws Exception {
        gateway.stop();
    }

    @Test
    void oneRowOfThirtyMillionCellsIsRejectedWithTheLimitNamedWithoutRunningOutOfMemory() throws Exception {
        byte[] header = "product_code,batch_id,status\n".getBytes(StandardCharsets.US_ASCII);
        byte[] document = new byte[header.length + 30_000_001];
        System.arraycopy(header, 0, document, 0, header.length);
        java.util.Arrays.fill(document, header.length, document.length - 1, (byte) ',');
        document[document.length - 1] = '\n';

        HttpResponse<String> posted = gateway.post("csv-batch-record", "text/csv", HttpRequest.BodyPublishers.ofByteArray(document));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = GatewayProcess.documentId(posted);
        JsonNode status = awaitFinished(id, Duration.ofSeconds(90));

        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("REJECTED");
        assertThat(status.path("errors").get(0).path("reason").asText()).contains("30,000,001 cells").contains("cmohub.limits.max-cells-per-row");
        assertThat(Files.readString(gateway.log())).doesNotContain("OutOfMemoryError");
        assertNormalDocumentIsAccepted();
    }

    @Test
    void aLinkInTheInboxIsRefusedUnreadAndItsTargetNeverReachesThePartnersQuarantine() throws Exception {
        Path secret = Files.writeString(gateway.dataDir().resolve("secret-for-link-test"), "SECRET-ADMIN-KEY-0123456789");
        Path inbox = Files.createDirectories(gateway.dataDir().resolve("inbox").resolve("acme-cmo"));
        Files.createSymbolicLink(inbox.resolve("k.csv"), secret);
        Files.writeString(inbox.resolve("slash\\..\\..\\x.csv"), NORMAL_CSV.formatted("BS1"));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode refusedLink = null;
        JsonNode refusedName = null;
        while ((refusedLink == null || refusedName == null) && System.nanoTime() < deadline) {
            for (JsonNode document : CanonicalJson.mapper().readTree(gateway.send(gateway.request("/api/v1/quarantine", GatewayProcess.DEMO_KEY).GET()).body())) {
                if ("k.csv".equals(document.path("originalName").asText())) {
                    refusedLink = document;
                } else if (document.path("originalName").asText().startsWith("slash")) {
                    refusedName = document;
                }
            }
            Thread.sleep(250);
        }
        assertThat(refusedLink).as("the link is in the partner's quarantine").isNotNull();
        assertThat(refusedName).as("the unsafe name is in the partner's quarantine").isNotNull();
        assertThat(gateway.status(refusedLink.path("documentId").asText()).path("errors").get(0).path("reason").asText())
                .isEqualTo("inbox entry 'k.csv' is a symbolic link; only regular files are read, so it was moved aside unread");
        assertThat(gateway.status(refusedName.path("documentId").asText()).path("errors").get(0).path("reason").asText())
                .contains("contains a backslash");

        HttpResponse<byte[]> content = gateway.sendForBytes(gateway.request("/api/v1/quarantine/" + refusedLink.path("documentId").asText() + "/content",
                GatewayProcess.DEMO_KEY).GET());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(new String(content.body(), StandardCharsets.UTF_8)).doesNotContain("SECRET");
        assertThat(Files.isSymbolicLink(inbox.resolve("failed").resolve(refusedLink.path("documentId").asText() + ".refused"))).isTrue();

        Files.writeString(inbox.resolve("normal.csv"), NORMAL_CSV.formatted("IN1"));
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(inbox.resolve("done").resolve("normal.csv")) && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertThat(inbox.resolve("done").resolve("normal.csv")).as("the inbox keeps taking files").exists();
    }

    private void assertNormalDocumentIsAccepted() throws Exception {
        HttpResponse<String> normal = gateway.post("csv-batch-record", "text/csv",
                HttpRequest.BodyPublishers.ofString(NORMAL_CSV.formatted("N-" + UUID.randomUUID().toString().substring(0, 8))));
        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(202);
        assertThat(awaitFinished(GatewayProcess.documentId(normal), Duration.ofSeconds(30)).path("status").asText()).isEqualTo("ACCEPTED");
    }

    private JsonNode awaitFinished(String documentId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!gateway.isFinished(documentId) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return gateway.status(documentId);
    }
}
