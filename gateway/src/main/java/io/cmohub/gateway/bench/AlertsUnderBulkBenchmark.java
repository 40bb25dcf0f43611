package io.cmohub.gateway.bench;

import io.cmohub.connector.epcis.benchmark.EpcisDocumentGenerator;
import io.cmohub.gateway.server.GatewayApplication;
import io.cmohub.model.value.EpcIdentifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 23's scenario on the gateway's embedded defaults: a CMO posts one EPCIS 1.2 file with
 * {@code sgtins} SGTINs (the generator's standard shape: commissioning with lot and expiry, SSCCs,
 * packing, shipping; batches of 100,000), and while it is processed and registered the EU Hub's
 * call-back posts an alert every {@code alertIntervalMillis} on a pack of one of its batches (five
 * codes across the batches, so many alerts open cases of their own). Reports the document's time to
 * its outcome, the registry's time from then until it holds every serial, and per alert the time from
 * the call-back's answer to the alert being on a case, and for the alerts that opened a case, to its
 * evidence request being delivered (portal channel).
 */
public final class AlertsUnderBulkBenchmark {
    public record Result(String database, long sgtins, long events, double documentSeconds, double registrySecondsAfterDocument, int alerts,
                         double alertToCaseP50Millis, double alertToCaseP99Millis, double alertToCaseMaxMillis, int evidenceRequests,
                         double alertToEvidenceDispatchedP99Millis, double alertToEvidenceDispatchedMaxMillis) {
    }

    private static final String ADMIN_KEY = "benchmark-admin-key-0123456789";
    private static final String HUB_KEY = "benchmark-hub-key-0123456789";
    private static final String CMO_KEY = "bulk-cmo-key-0123456789";
    private static final String[] CODES = {"A52", "A68", "A2", "A3", "A7"};
    private static final long PER_BATCH = 100_000;

    private AlertsUnderBulkBenchmark() {
    }

    /**
     * {@code postgresUrl}: a PostgreSQL JDBC URL (with user) to run on instead of the embedded H2 file database; the
     * gateway gets a fresh schema there, dropped afterwards. Null: H2.
     */
    public static Result run(long sgtins, long alertIntervalMillis, Path dataDir, String postgresUrl) throws Exception {
        EpcisDocumentGenerator generator = EpcisDocumentGenerator.standard(EpcisDocumentGenerator.Syntax.XML_1_2, sgtins);
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-epcis.xml");
        generator.write(file);
        String gtin = EpcIdentifier.parse("urn:epc:id:sgtin:4012345.012345.1").gtin();
        int batches = (int) ((sgtins + PER_BATCH - 1) / PER_BATCH);
        Path seed = dataDir.resolveSibling(dataDir.getFileName() + "-liaisons.yaml");
        Files.writeString(seed, """
                liaisons:
                  - partner: bulk-cmo
                    liaison: { name: Bulk Liaison, email: liaison@bulk-cmo.example }
                    channels: [ { type: portal, address: "bulk-cmo" } ]
                    responseSlaBusinessHours: 8
                    path: PARALLEL
                    calendar: { timeZone: Europe/Paris, workingDays: [MON, TUE, WED, THU, FRI], hours: "08:00-17:00" }
                """);
        BenchmarkSchema schema = postgresUrl == null ? null : BenchmarkSchema.create(postgresUrl);
        List<String> database = schema == null ? List.of() : List.of("--spring.datasource.url=" + schema.url(), "--spring.datasource.username=",
                "--spring.datasource.password=");
        ConfigurableApplicationContext gateway = GatewayApplication.start(java.util.stream.Stream.concat(database.stream(), java.util.stream.Stream.of(
                "--server.port=0", "--server.address=127.0.0.1",
                "--cmohub.data-dir=" + dataDir.toAbsolutePath(), "--cmohub.admin.api-key=" + ADMIN_KEY, "--cmohub.eu-hub.callback.api-key=" + HUB_KEY,
                "--cmohub.partners[0].id=bulk-cmo", "--cmohub.partners[0].api-key=" + CMO_KEY, "--cmohub.partners[0].products=" + gtin,
                "--cmohub.partners[0].sites=BULK-1", "--cmohub.partners[0].formats.epcis.file-pattern=*.xml",
                "--cmohub.partners[0].formats.csv-batch-record.file-pattern=*.csv", "--cmohub.coordination.liaison-seed=" + seed,
                "--logging.level.root=WARN", "--logging.level.io.cmohub=WARN", "--spring.main.banner-mode=off")).toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            DataSource db = gateway.getBean(DataSource.class);
            Http http = new Http(port);
            StringBuilder csv = new StringBuilder("product_code,batch_id,status,site_id,expiry,markets\n");
            for (int b = 1; b <= batches; b++) {
                csv.append(gtin).append(',').append(String.format("B%06d", b)).append(",PACKED,BULK-1,270630,DE|FR\n");
            }
            http.awaitOutcome(http.upload("csv-batch-record", HttpRequest.BodyPublishers.ofString(csv.toString())), Duration.ofMinutes(1));
            Thread.sleep(6_000); // the coordination timers start 5 s after the routes

            Map<String, Long> ackedAt = new ConcurrentHashMap<>();
            long begin = System.currentTimeMillis();
            String document = http.upload("epcis", HttpRequest.BodyPublishers.ofFile(file));
            Thread alerts = new Thread(() -> {
                int n = 0;
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        String id = "BULK-ALERT-" + n;
                        String batch = String.format("B%06d", 1 + n % batches);
                        String serial = String.valueOf(10_000_000_000L + (n % batches) * PER_BATCH + n);
                        http.hubAlert(id, CODES[(n / batches) % CODES.length], gtin, serial, batch);
                        ackedAt.put(id, System.currentTimeMillis());
                        n++;
                        Thread.sleep(alertIntervalMillis);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bulk-benchmark-alerts");
            alerts.start();
            Map<String, Long> onCase = new ConcurrentHashMap<>();
            long documentDone = 0;
            long registryDone = 0;
            while (registryDone == 0) {
                Thread.sleep(20);
                collectAlertsOnCases(db, ackedAt, onCase);
                if (documentDone == 0 && http.outcome(document) != null) {
                    documentDone = System.currentTimeMillis();
                }
                if (documentDone != 0 && registered(db, gtin) >= sgtins) {
                    registryDone = System.currentTimeMillis();
                }
                if (System.currentTimeMillis() - begin > Duration.ofMinutes(60).toMillis()) {
                    throw new IllegalStateException("the upload was not registered within an hour");
                }
            }
            alerts.interrupt();
            alerts.join();
            long settle = System.currentTimeMillis() + 10_000;
            while (onCase.size() < ackedAt.size() && System.currentTimeMillis() < settle) {
                Thread.sleep(20);
                collectAlertsOnCases(db, ackedAt, onCase);
            }
            List<Long> toCase = new ArrayList<>();
            onCase.forEach((id, at) -> toCase.add(at - ackedAt.get(id)));
            List<Long> toEvidence = evidenceDispatched(db, ackedAt);
            Collections.sort(toCase);
            Collections.sort(toEvidence);
            return new Result(schema == null ? "h2" : "postgresql", sgtins, generator.events(), seconds(documentDone - begin), seconds(registryDone - documentDone), ackedAt.size(),
                    percentile(toCase, 0.50), percentile(toCase, 0.99), percentile(toCase, 1.0), toEvidence.size(), percentile(toEvidence, 0.99),
                    percentile(toEvidence, 1.0));
        } finally {
            gateway.close();
            if (schema != null) {
                schema.drop();
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(seed);
        }
    }

    /** Alerts found on a case since the last look, stamped with the time they were seen (polled every 20 ms). */
    private static void collectAlertsOnCases(DataSource db, Map<String, Long> ackedAt, Map<String, Long> onCase) throws Exception {
        if (onCase.size() == ackedAt.size()) {
            return;
        }
        long now = System.currentTimeMillis();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT alert_id FROM coordination_case_alert");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (ackedAt.containsKey(id)) {
                    onCase.putIfAbsent(id, now);
                }
            }
        }
    }

    /** Per case an alert opened: its first delivered notice (the evidence request) minus the opening alert's acknowledgement. */
    private static List<Long> evidenceDispatched(DataSource db, Map<String, Long> ackedAt) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT MIN(a.alert_id), MIN(o.delivered_at) "
                + "FROM coordination_case_alert a JOIN coordination_case k ON k.case_id = a.case_id JOIN coordination_outbox o ON o.case_id = k.case_id "
                + "WHERE o.kind = 'NOTICE' AND o.state = 'DELIVERED' AND a.raised_at = (SELECT MIN(b.raised_at) FROM coordination_case_alert b "
                + "WHERE b.case_id = k.case_id) GROUP BY k.case_id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Long acked = ackedAt.get(rs.getString(1));
                if (acked != null) {
                    latencies.add(rs.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli() - acked);
                }
            }
        }
        return latencies;
    }

    private static long registered(DataSource db, String gtin) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(commissioned_serials), 0) FROM coordination_batch WHERE product_code = ?")) {
            s.setString(1, gtin);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double seconds(long millis) {
        return Math.round(millis / 100.0) / 10.0;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)));
    }

    /** The partner's and the Hub's HTTP calls. */
    private record Http(HttpClient client, int port) {
        Http(int port) {
            this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), port);
        }

        String upload(String format, HttpRequest.BodyPublisher body) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/partners/bulk-cmo/documents?format=" + format))
                    .header("X-Api-Key", CMO_KEY).header("Content-Type", "application/octet-stream").POST(body).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().replaceAll(".*\"documentId\":\"([^\"]+)\".*", "$1");
        }

        /** The document's outcome, or null while it is processed. */
        String outcome(String documentId) throws Exception {
            String body = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/documents/" + documentId)).header("X-Api-Key", ADMIN_KEY).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String status = body.replaceAll("(?s).*\"status\":\"([A-Z_]+)\".*", "$1");
            return List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED").contains(status) ? status : null;
        }

        void awaitOutcome(String documentId, Duration limit) throws Exception {
            Instant until = Instant.now().plus(limit);
            while (outcome(documentId) == null) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("document " + documentId + " had no outcome within " + limit);
                }
                Thread.sleep(100);
            }
        }

        void hubAlert(String id, String code, String gtin, String serial, String batch) throws Exception {
            String envelope = """
                    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="https://cmohub.io/schemas/emvs/alert-callback/v1">
                      <soapenv:Body><a:AlertNotification>
                          <a:alertId>%s</a:alertId><a:code>%s</a:code><a:market>DE</a:market><a:raisedAt>%s</a:raisedAt>
                          <a:scanned><a:productCode>%s</a:productCode><a:productCodeScheme>GTIN</a:productCodeScheme>
                            <a:serial>%s</a:serial><a:batchId>%s</a:batchId><a:expiry>270630</a:expiry></a:scanned>
                          <a:message>benchmark alert</a:message>
                      </a:AlertNotification></soapenv:Body>
                    </soapenv:Envelope>""".formatted(id, code, Instant.now(), gtin, serial, batch);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base() + "/services/hub-alerts/v1")).header("X-Api-Key", HUB_KEY)
                    .header("Content-Type", "text/xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(envelope)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("ACCEPTED")) {
                throw new IllegalStateException("the alert call-back answered " + response.statusCode() + ": " + response.body());
            }
        }

        private String base() {
            return "http://127.0.0.1:" + port;
        }
    }
}
