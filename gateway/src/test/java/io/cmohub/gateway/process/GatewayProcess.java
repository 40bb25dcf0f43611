package io.cmohub.gateway.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.model.codec.CanonicalJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The packaged gateway ({@code target/cmohub-gateway.jar}) run as a separate JVM on its embedded
 * defaults (broker and H2 on disk under {@code dataDir}), as an operator starts it, for the tests that
 * must see the real process: its heap, its log, a kill, a restart. Started by {@link #start}; the HTTP
 * helpers speak to it with the demo partner's key unless told otherwise.
 */
public final class GatewayProcess {
    public static final String DEMO_KEY = "acme-demo-key";
    public static final String ADMIN_KEY = "process-test-admin-key-0123456789";
    private static final Set<String> FINAL = Set.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path dataDir;
    private final int httpPort = freePort();
    private Process process;
    private Path log;

    public GatewayProcess(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    /** Starts the gateway ({@code name} names its log file) with {@code heap} and {@code arguments}; returns once its API answers. */
    public GatewayProcess start(String name, String heap, List<String> arguments) throws Exception {
        log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-jar", Path.of("target", "cmohub-gateway.jar").toAbsolutePath().toString(), "serve",
                "--server.address=127.0.0.1",
                "--server.port=" + httpPort,
                "--cmohub.data-dir=" + dataDir,
                "--cmohub.admin.api-key=" + ADMIN_KEY));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited at start-up; see " + log + "\n" + Files.readString(log));
            }
            try {
                if (send(request("/api/v1/quarantine", DEMO_KEY).GET()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the gateway did not start within 90 s; see " + log);
    }

    /** SIGKILL: nothing is flushed, nothing shut down. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    public HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).header("X-Api-Key", key).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a document as the demo partner; answers the response (202 with the document id when taken). */
    public HttpResponse<String> post(String format, String contentType, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return send(request("/api/v1/partners/acme-cmo/documents?format=" + format, DEMO_KEY).header("Content-Type", contentType).POST(body));
    }

    public JsonNode status(String documentId) throws IOException, InterruptedException {
        return CanonicalJson.mapper().readTree(send(request("/api/v1/documents/" + documentId, DEMO_KEY).GET()).body());
    }

    public boolean isFinished(String documentId) throws IOException, InterruptedException {
        return FINAL.contains(status(documentId).path("status").asText());
    }

    public static String documentId(HttpResponse<String> accepted) throws IOException {
        return CanonicalJson.mapper().readTree(accepted.body()).get("documentId").asText();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
