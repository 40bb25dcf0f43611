package io.cmohub.gateway.bench;

import io.cmohub.gateway.server.GatewayApplication;
import io.cmohub.routes.publish.EventHeaders;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the gateway end to end, as a partner sees it: synthetic batch-record CSV documents are
 * posted over HTTP to a gateway with its embedded defaults (persistent Artemis journal, H2 file
 * database, fsync'd document store) and counted when their canonical events arrive on the
 * canonical topic. Reports records per second and per-document latency (POST sent → last event of
 * the document received).
 */
public final class IngestBenchmark {
    public record Result(long records, int documents, int recordsPerDocument, int clients, double seconds, double recordsPerSecond,
                         double latencyP50Millis, double latencyP99Millis, double latencyMaxMillis) {
    }

    private IngestBenchmark() {
    }

    /**
     * {@code warmupRecords} are posted and awaited first, untimed: the figure is the gateway's steady
     * state, not the JIT compiling its hot paths (on two cores the compiler threads took as much CPU as
     * the pipeline during a cold 100,000-record run).
     */
    public static Result run(int records, int recordsPerDocument, int clients, int warmupRecords, Path dataDir) throws Exception {
        int documents = Math.max(1, records / recordsPerDocument);
        ConfigurableApplicationContext gateway = GatewayApplication.start("--server.port=0", "--cmohub.data-dir=" + dataDir.toAbsolutePath(),
                "--cmohub.admin.api-key=benchmark-admin-key-0123456789", "--logging.level.root=WARN", "--logging.level.io.cmohub=WARN",
                "--spring.main.banner-mode=off");
        try {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            ConnectionFactory connectionFactory = gateway.getBean(ConnectionFactory.class);
            Rounds rounds = new Rounds(port, recordsPerDocument, clients);
            try (Connection connection = connectionFactory.createConnection()) {
                Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createTopic("cmohub.events.batch"));
                consumer.setMessageListener(message -> {
                    try {
                        rounds.eventOf(message.getStringProperty(EventHeaders.DOCUMENT_ID));
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
                connection.start();
                if (warmupRecords > 0) {
                    rounds.post(Math.max(1, warmupRecords / recordsPerDocument), 1_000_000);
                }
                long begin = System.nanoTime();
                List<Long> sorted = rounds.post(documents, 0);
                double seconds = (System.nanoTime() - begin) / 1e9;
                long total = (long) documents * recordsPerDocument;
                return new Result(total, documents, recordsPerDocument, clients, round(seconds), round(total / seconds),
                        round(percentile(sorted, 0.50) / 1e6), round(percentile(sorted, 0.99) / 1e6), round(sorted.get(sorted.size() - 1) / 1e6));
            } finally {
                rounds.close();
            }
        } finally {
            gateway.close();
        }
    }

    /** Posts rounds of documents and times each from its POST to its last event on the topic. */
    private static final class Rounds implements AutoCloseable {
        private final int port;
        private final int recordsPerDocument;
        private final ExecutorService posters;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, Long> postedAt = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private volatile CountDownLatch done = new CountDownLatch(0);

        Rounds(int port, int recordsPerDocument, int clients) {
            this.port = port;
            this.recordsPerDocument = recordsPerDocument;
            this.posters = Executors.newFixedThreadPool(clients);
        }

        void eventOf(String document) {
            AtomicLong left = remaining.computeIfAbsent(document, d -> new AtomicLong(recordsPerDocument));
            if (left.decrementAndGet() == 0) {
                Long start = postedAt.get(document);
                latencies.add(System.nanoTime() - (start == null ? System.nanoTime() : start));
                done.countDown();
            }
        }

        /** Posts {@code documents} (numbered from {@code firstIndex}), waits for all their events; their latencies, sorted. */
        List<Long> post(int documents, int firstIndex) throws Exception {
            latencies.clear();
            done = new CountDownLatch(documents);
            List<Future<?>> posted = new ArrayList<>();
            for (int d = 0; d < documents; d++) {
                String csv = document(firstIndex + d, recordsPerDocument);
                posted.add(posters.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/partners/acme-cmo/documents?format=csv-batch-record"))
                            .header("X-Api-Key", "acme-demo-key").header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
                    }
                    String id = response.body().replaceAll(".*\"documentId\":\"([^\"]+)\".*", "$1");
                    postedAt.put(id, start);
                    return null;
                }));
            }
            for (Future<?> future : posted) {
                future.get();
            }
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not all events arrived within 30 minutes");
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted;
        }

        @Override
        public void close() {
            posters.shutdownNow();
        }
    }

    static String document(int index, int records) {
        StringBuilder csv = new StringBuilder(records * 64).append("product_code,batch_id,status,site_id,expiry,markets\n");
        for (int r = 0; r < records; r++) {
            csv.append("05012345678900,K").append(Long.toString(System.nanoTime() % 100_000_000L, 36)).append('-').append(index).append('-').append(r)
                    .append(",RELEASED,ACME-LYON,270600,DE|FR\n");
        }
        return csv.toString();
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    public static Path temporaryDataDir() throws IOException {
        return Files.createTempDirectory("cmohub-bench");
    }
}
