package io.cmohub.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.euhub.simulator.SimulatedPacks;
import io.cmohub.gateway.server.GatewayApplication;
import io.cmohub.model.PackStatus;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.spring.boot.EuHubProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast a pack-state query is answered: a gateway with its embedded defaults (H2, embedded Artemis,
 * the EU Hub simulator over SOAP on loopback) and the default EU Hub client policies (rate limit 20
 * calls/s, 1,000 packs per call) gets {@code packs} more packs in its simulator, one query of all of
 * them over HTTP, and is timed from the 202 to COMPLETED. Every answer is published as a PackState
 * event on the broker, as in production (docs/benchmarks.md).
 */
public final class PackStateBenchmark {
    private static final ProductCode PRODUCT = ProductCode.of("05012345100012");
    private static final BatchId BATCH = BatchId.of("CZ24002");
    private static final String ADMIN_KEY = "benchmark-admin-key-0123456789";

    public record Result(int packs, int rateLimitCallsPerSecond, int packsPerCall, double submitMillis, double seconds, double packsPerSecond,
                         long answered, long failed, Map<String, Long> summary, String database) {
    }

    private PackStateBenchmark() {
    }

    public static Result run(int packs, Path dataDir) throws Exception {
        ConfigurableApplicationContext gateway = GatewayApplication.start("--server.port=0", "--server.address=127.0.0.1",
                "--cmohub.data-dir=" + dataDir.toAbsolutePath(), "--cmohub.admin.api-key=" + ADMIN_KEY, "--logging.level.root=WARN",
                "--logging.level.io.cmohub=WARN", "--spring.main.banner-mode=off", "--cmohub.eu-hub.pack-state-sweeps.enabled=false",
                "--cmohub.eu-hub.pack-state-queries.max-packs=" + Math.max(packs, 100_000));
        try {
            List<SimulatedPacks.Pack> seeded = new ArrayList<>(packs);
            PackStatus[] states = PackStatus.values();
            StringBuilder body = new StringBuilder(packs * 64).append("{\"market\": \"DE\", \"packs\": [");
            for (int i = 0; i < packs; i++) {
                String serial = String.format("BENCH%09d", i);
                PackStatus state = i % 10 < 8 ? PackStatus.ACTIVE : states[i % states.length];
                seeded.add(new SimulatedPacks.Pack(SerialNumber.of(serial), state, state == PackStatus.ACTIVE ? null : Instant.parse("2026-10-01T09:00:00Z"),
                        state == PackStatus.ACTIVE ? null : "BENCH PHARMACY"));
                body.append(i == 0 ? "" : ",").append("{\"product\":\"").append(PRODUCT).append("\",\"serial\":\"").append(serial).append("\"}");
            }
            body.append("]}");
            SimulatedPacks.add(gateway.getBean(DataSource.class), PRODUCT, BATCH, seeded);
            EuHubProperties euHub = gateway.getBean(EuHubProperties.class);

            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort() + "/api/v1/eu-hub/pack-state-queries";
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            long submitStart = System.nanoTime();
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base)).header("X-Api-Key", ADMIN_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            double submitMillis = (System.nanoTime() - submitStart) / 1e6;
            if (submitted.statusCode() != 202) {
                throw new IllegalStateException("the query was not accepted: " + submitted.statusCode() + " " + submitted.body());
            }
            String queryId = CanonicalJson.mapper().readTree(submitted.body()).get("queryId").asText();
            JsonNode status;
            do {
                Thread.sleep(500);
                status = CanonicalJson.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/" + queryId)).header("X-Api-Key", ADMIN_KEY)
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            } while (!"COMPLETED".equals(status.path("status").asText()));
            double seconds = (System.nanoTime() - submitStart) / 1e9 - submitMillis / 1e3;
            Map<String, Long> summary = new TreeMap<>();
            status.path("summary").fields().forEachRemaining(e -> summary.put(e.getKey(), e.getValue().asLong()));
            return new Result(packs, euHub.getRateLimit().getPermits(), euHub.getPackStateQueries().getChunkSize(), Math.round(submitMillis * 10) / 10.0,
                    Math.round(seconds * 100) / 100.0, Math.round(packs / seconds), status.path("progress").path("answered").asLong(),
                    status.path("progress").path("failed").asLong(), summary, "H2 (embedded default)");
        } finally {
            gateway.close();
        }
    }
}
