package io.cmohub.gateway.bench;

import io.cmohub.gateway.server.GatewayApplication;
import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.PasswordPolicy;
import io.cmohub.gateway.server.people.PersonAccount;
import io.cmohub.gateway.server.people.Role;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the console's pages answer with a realistic amount of history: a gateway with its embedded
 * defaults is filled with {@code cases} investigation cases (a third of them waiting for CMO evidence) and
 * {@code documents} documents of 50 CMOs, written straight into its tables in batches (synthetic rows, not
 * run through the workflow, which would take an hour). A QA person logs in and each page is fetched
 * repeatedly over loopback; the result is each page's p50, p95 and max answer time (docs/benchmarks.md).
 */
public final class ConsoleBenchmark {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public record PageTime(String page, int status, double p50Millis, double p95Millis, double maxMillis) {
    }

    public record Result(int cases, int documents, int requestsPerPage, List<PageTime> pages) {
    }

    private ConsoleBenchmark() {
    }

    public static Result run(int cases, int documents, int requestsPerPage, Path dataDir) throws Exception {
        ConfigurableApplicationContext gateway = GatewayApplication.start("--server.port=0", "--server.address=127.0.0.1",
                "--cmohub.data-dir=" + dataDir.toAbsolutePath(), "--cmohub.admin.api-key=benchmark-admin-key-0123456789", "--logging.level.root=WARN",
                "--logging.level.io.cmohub=WARN", "--spring.main.banner-mode=off");
        try {
            seed(gateway.getBean(DataSource.class), cases, documents);
            String password = "bench-Pass-0123456789";
            gateway.getBean(JdbcAccounts.class).create(new PersonAccount("bench.qa", "Bench QA", EnumSet.of(Role.QA), null, PersonAccount.Source.LOCAL,
                    true, false, 0, null, null, null, null, "benchmark"), gateway.getBean(PasswordPolicy.class).hashNew("bench.qa", password), "benchmark");
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
            login(http, base, "bench.qa", password);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("cases board", "/console/cases");
            pages.put("cases board, one CMO", "/console/cases?cmo=cmo-07");
            pages.put("a case", "/console/cases/BENCH-CASE-000042");
            pages.put("documents", "/console/documents");
            pages.put("documents, one CMO", "/console/documents?partner=cmo-07");
            pages.put("scorecard", "/console/scorecard");
            List<PageTime> times = new ArrayList<>();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                times.add(measure(http, base, page.getKey(), page.getValue(), requestsPerPage));
            }
            return new Result(cases, documents, requestsPerPage, times);
        } finally {
            gateway.close();
        }
    }

    private static PageTime measure(HttpClient http, String base, String name, String path, int requests) throws Exception {
        List<Long> nanos = new ArrayList<>();
        int status = 0;
        for (int i = 0; i < requests + 3; i++) { // the first three warm the page's code and queries
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            status = response.statusCode();
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + ": " + response.body().substring(0, Math.min(500, response.body().length())));
            }
            if (i >= 3) {
                nanos.add(took);
            }
        }
        Collections.sort(nanos);
        return new PageTime(name, status, millis(nanos, 0.50), millis(nanos, 0.95), Math.round(nanos.get(nanos.size() - 1) / 1e5) / 10.0);
    }

    private static double millis(List<Long> sorted, double p) {
        return Math.round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e5) / 10.0;
    }

    private static void login(HttpClient http, String base, String username, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("the benchmark person could not log in: " + login.statusCode());
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Synthetic history, 1,000 rows per JDBC batch: cases across 50 CMOs, one alert each, an evidence request for every third; documents. */
    static void seed(DataSource dataSource, int cases, int documents) throws Exception {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement kase = c.prepareStatement("INSERT INTO coordination_case (case_id, group_key, alert_code, status, product_code, batch_id,"
                    + " market, attribution_outcome, attribution_reason, partner_id, site_id, line_id, opened_at, closed_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, '05012345100036', ?, 'DE', 'ATTRIBUTED', 'benchmark row', ?, 'SITE-1', 'L1', ?, ?, ?)");
                 PreparedStatement alert = c.prepareStatement("INSERT INTO coordination_case_alert (alert_id, case_id, alert_code, market, raised_at, alert_json)"
                         + " VALUES (?, ?, ?, 'DE', ?, '{}')");
                 PreparedStatement request = c.prepareStatement("INSERT INTO coordination_evidence_request (request_id, case_id, partner_id, alert_code,"
                         + " items_json, requested_at, due_at, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'DISPATCHED', ?)")) {
                String[] codes = {"A2", "A3", "A7", "A24", "A52"};
                String[] statuses = {"OPEN", "AWAITING_CMO", "UNDER_REVIEW", "ESCALATED", "CLOSED", "CLOSED"};
                for (int i = 0; i < cases; i++) {
                    String id = String.format("BENCH-CASE-%06d", i);
                    String partner = String.format("cmo-%02d", i % 50);
                    String code = codes[i % codes.length];
                    String status = statuses[i % statuses.length];
                    Timestamp opened = Timestamp.from(now.minus(Duration.ofMinutes(i * 7L)));
                    kase.setString(1, id);
                    kase.setString(2, "bench-" + i);
                    kase.setString(3, code);
                    kase.setString(4, status);
                    kase.setString(5, "B" + i);
                    kase.setString(6, partner);
                    kase.setTimestamp(7, opened);
                    kase.setTimestamp(8, status.equals("CLOSED") ? Timestamp.from(now.minus(Duration.ofMinutes(i * 3L))) : null);
                    kase.setTimestamp(9, opened);
                    kase.addBatch();
                    alert.setString(1, "BENCH-AL-" + i);
                    alert.setString(2, id);
                    alert.setString(3, code);
                    alert.setTimestamp(4, opened);
                    alert.addBatch();
                    if (i % 3 == 0 && !status.equals("CLOSED")) {
                        request.setString(1, "BENCH-EVR-" + i);
                        request.setString(2, id);
                        request.setString(3, partner);
                        request.setString(4, code);
                        request.setString(5, "[{\"code\":\"packaging-order\",\"description\":\"Packaging order\",\"required\":true}]");
                        request.setTimestamp(6, opened);
                        request.setTimestamp(7, Timestamp.from(now.plus(Duration.ofHours(1 + i % 48))));
                        request.setTimestamp(8, opened);
                        request.addBatch();
                    }
                    if (i % 1000 == 999) {
                        kase.executeBatch();
                        alert.executeBatch();
                        request.executeBatch();
                    }
                }
                kase.executeBatch();
                alert.executeBatch();
                request.executeBatch();
            }
            try (PreparedStatement document = c.prepareStatement("INSERT INTO document (document_id, partner_id, format_id, channel, original_name, sha256,"
                    + " size_bytes, received_at, status, processed_records, published, rejected_records, updated_at)"
                    + " VALUES (?, ?, 'csv-batch-record', 'http', ?, ?, 1000, ?, ?, 10, 10, 0, ?)")) {
                String[] states = {"ACCEPTED", "ACCEPTED", "ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED"};
                for (int i = 0; i < documents; i++) {
                    Timestamp received = Timestamp.from(now.minus(Duration.ofMinutes(i * 11L)));
                    document.setString(1, String.format("00000000-0000-4000-8000-%012d", i));
                    document.setString(2, String.format("cmo-%02d", i % 50));
                    document.setString(3, "batch-" + i + ".csv");
                    document.setString(4, String.format("%064d", i));
                    document.setTimestamp(5, received);
                    document.setString(6, states[i % states.length]);
                    document.setTimestamp(7, received);
                    document.addBatch();
                }
                document.executeBatch();
            }
            c.commit();
        }
    }
}
