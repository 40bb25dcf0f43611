package io.cmohub.gateway.server;

import io.cmohub.testsupport.ManualClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.coordination.registry.BatchRegistry;
import io.cmohub.coordination.sla.SlaSweeper;
import io.cmohub.routes.outbound.WebhookSignature;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 7 end to end through the running gateway (embedded Artemis, H2 file database, the EU Hub
 * simulator with its seeded A52 scenario): a CMO's ERP batch records, packaging-line CSV and EPCIS
 * file register its batches; an A52 call-back from the Hub becomes a case attributed to the CMO with
 * an evidence request on the liaison's webhook (WireMock) and a reconciliation verdict; the test
 * clock moved past the SLA escalates exactly once (sponsor QA webhook, backup liaison by e-mail on
 * GreenMail); the CMO answers through the portal and the sponsor closes the case; the audit chain
 * verifies. The release check FAILs DC24100 (5 commissioned, 4 uploaded) and PASSes CZ24002.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GatewayCoordinationTest {
    static final String ADMIN_KEY = "test-admin-key-coordination-0123456789";
    static final String ACME_KEY = "acme-lyon-key-0123456789";
    static final String BETA_KEY = "beta-cmo-key-0123456789";
    static final String HUB_KEY = "hub-callback-key-coordination-0123456789";
    static final String ACME_SECRET = "acme-webhook-secret-0123456789";
    static final String QA_SECRET = "qa-webhook-secret-9876543210";
    static final Path DATA_DIR = Path.of("target", "e2e-coordination-" + UUID.randomUUID()).toAbsolutePath();
    /** Friday 20 November 2026, 16:00 in Lyon: one business hour left that day. */
    static final Instant FRIDAY_4PM_PARIS = Instant.parse("2026-11-20T15:00:00Z");
    /** 8 business hours on Lyon's calendar (Mon-Fri 08:00-17:00): 1 h on Friday + 7 h on Monday = Monday 15:00 Paris. */
    static final Instant DUE = Instant.parse("2026-11-23T14:00:00Z");
    static final ManualClock CLOCK = new ManualClock(FRIDAY_4PM_PARIS);
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @RegisterExtension
    static WireMockExtension hooks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).resetOnEachTest(false).build();

    @TestConfiguration
    static class TestClockConfiguration {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

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
        registry.add("cmohub.partners[1].id", () -> "beta-cmo");
        registry.add("cmohub.partners[1].api-key", () -> BETA_KEY);
        registry.add("cmohub.partners[1].products", () -> "04012345000023");
        registry.add("cmohub.partners[1].sites", () -> "BETA-1");
        registry.add("cmohub.partners[1].formats.csv-batch-record.file-pattern", () -> "*.csv");
        registry.add("cmohub.coordination.liaison-seed", GatewayCoordinationTest::writeLiaisonSeed);
        registry.add("cmohub.coordination.secrets.acme-webhook", () -> ACME_SECRET);
        registry.add("cmohub.coordination.secrets.qa-webhook", () -> QA_SECRET);
        registry.add("cmohub.coordination.sponsor-qa.name", () -> "Sponsor QA on duty");
        registry.add("cmohub.coordination.sponsor-qa.email", () -> "qa@sponsor.example");
        registry.add("cmohub.coordination.sponsor-qa.channel", () -> "WEBHOOK");
        registry.add("cmohub.coordination.sponsor-qa.address", () -> hooks.baseUrl() + "/sponsor/qa");
        registry.add("cmohub.coordination.sponsor-qa.secret-ref", () -> "qa-webhook");
        registry.add("cmohub.coordination.mail.uri", () -> "smtp://127.0.0.1:" + MAIL.getSmtp().getPort());
        registry.add("cmohub.coordination.mail.from", () -> "cmohub@sponsor.example");
        registry.add("cmohub.coordination.node", () -> "node-test");
        // Sweep and deliver every 200 ms, so "within a second" is about the event flow, not the timer.
        registry.add("cmohub.coordination.sweep-period", () -> "200");
        registry.add("cmohub.coordination.outbox-period", () -> "200");
    }

    static String writeLiaisonSeed() {
        return A52Scenario.writeLiaisonSeed(DATA_DIR, hooks.baseUrl());
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    SlaSweeper sweeper;
    @Autowired
    BatchRegistry registry;
    @Autowired
    org.apache.camel.CamelContext camel;
    @Autowired
    javax.sql.DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();

    /** A QP releases DC24100 despite its failed check, signed; CZ24002 passes, so there is nothing to override. */
    private void theQpOverridesTheFailedCheckSigned() throws Exception {
        io.cmohub.gateway.server.people.SigningPerson paula = io.cmohub.gateway.server.people.SigningPerson.create("http://localhost:" + port,
                ADMIN_KEY, "paula.qp", "Paula Richter", "QP");
        String justification = "{\"justification\": \"the extra commissioned serial was destroyed on line L3 (deviation DV-1187); upload is complete\"}";
        assertThat(json("POST", "/api/v1/batches/05012345100036/DC24100/release-override", ADMIN_KEY, justification, 403).path("detail").asText())
                .contains("a named person");
        HttpResponse<String> unsigned = paula.browser().send("POST", "/api/v1/batches/05012345100036/DC24100/release-override",
                CanonicalJson.mapper().readTree(justification));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(paula.browser().send("POST", "/api/v1/batches/05012345100012/CZ24002/release-override",
                paula.signed(justification, "batch-release", "05012345100012/CZ24002", "APPROVED")).statusCode()).as("a passing batch").isEqualTo(409);
        HttpResponse<String> overridden = paula.browser().send("POST", "/api/v1/batches/05012345100036/DC24100/release-override",
                paula.signed(justification, "batch-release", "05012345100036/DC24100", "APPROVED"));
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
        assertThat(CanonicalJson.mapper().readTree(overridden.body()).path("signature").path("printedName").asText()).isEqualTo("Paula Richter");
        JsonNode recorded = json("GET", "/api/v1/batches/05012345100036/DC24100/release-overrides", ADMIN_KEY, null, 200);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("actor").asText()).isEqualTo("user:paula.qp (Paula Richter)");
        assertThat(recorded.get(0).path("reason").asText()).contains("deviation DV-1187");
        assertThat(recorded.get(0).path("details").asText()).contains("overridden: ").contains("serials but 5 were commissioned")
                .contains("signed: Paula Richter (paula.qp) at ");
    }

    /**
     * QA's person closes the case: an account made by the admin, first login with the given password (to be
     * changed), a closure refused without a signature and with another record's, then signed and closed.
     */
    private JsonNode closeAsQa(String caseId, String closure) throws Exception {
        io.cmohub.gateway.server.people.SigningPerson quinn = io.cmohub.gateway.server.people.SigningPerson.create("http://localhost:" + port,
                ADMIN_KEY, "quinn.qa", "Quinn Martin", "QA");
        io.cmohub.gateway.server.people.BrowserSession qa = quinn.browser();
        HttpResponse<String> unsigned = qa.send("POST", "/api/v1/cases/" + caseId + "/close", CanonicalJson.mapper().readTree(closure + "}"));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("signed decision");
        assertThat(qa.send("POST", "/api/v1/signatures", Map.of("recordType", "case", "recordId", caseId, "meaning", "CLOSED_WITH_ROOT_CAUSE",
                "password", "not-quinns-password")).statusCode()).isEqualTo(403);
        HttpResponse<String> copied = qa.send("POST", "/api/v1/cases/" + caseId + "/close",
                CanonicalJson.mapper().readTree(closure + ",\"signatureId\":\"" + quinn.sign("case", "another-case", "CLOSED_WITH_ROOT_CAUSE") + "\"}"));
        assertThat(copied.statusCode()).isEqualTo(403);
        assertThat(copied.body()).contains("was made for case another-case");
        String signatureId = quinn.sign("case", caseId, "CLOSED_WITH_ROOT_CAUSE");
        HttpResponse<String> closing = qa.send("POST", "/api/v1/cases/" + caseId + "/close",
                CanonicalJson.mapper().readTree(closure + ",\"signatureId\":\"" + signatureId + "\"}"));
        assertThat(closing.statusCode()).as(closing.body()).isEqualTo(200);
        JsonNode closed = CanonicalJson.mapper().readTree(closing.body());

        JsonNode signature = closed.path("signatures").get(0);
        assertThat(signature.path("printedName").asText()).isEqualTo("Quinn Martin");
        assertThat(signature.path("meaning").asText()).isEqualTo("CLOSED_WITH_ROOT_CAUSE");
        assertThat(signature.path("signatureId").asText()).isEqualTo(signatureId);
        JsonNode closedEntry = null;
        for (JsonNode entry : closed.path("timeline")) {
            if (entry.path("action").asText().equals("CASE_CLOSED")) {
                closedEntry = entry;
            }
        }
        assertThat(closedEntry).isNotNull();
        assertThat(closedEntry.path("actor").asText()).isEqualTo("user:quinn.qa (Quinn Martin)");
        assertThat(closedEntry.path("detail").asText()).contains("signed: Quinn Martin (quinn.qa) at ").contains("meaning \"closed with root cause\"")
                .contains(signatureId);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT actor, details FROM audit_event WHERE action = 'CASE_CLOSE' AND object_id = '" + caseId + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("user:quinn.qa (Quinn Martin)");
            assertThat(rs.getString(2)).contains("Quinn Martin (quinn.qa)").contains(signatureId);
        }
        return closed;
    }

    // ------------------------------------------------------------------ HTTP helpers

    HttpResponse<String> call(String method, String path, String key, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", key).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String key, String jsonBody, int expectedStatus) throws Exception {
        HttpResponse<String> response = call(method, path, key, "application/json",
                jsonBody == null ? null : HttpRequest.BodyPublishers.ofString(jsonBody));
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : CanonicalJson.mapper().readTree(response.body());
    }

    void upload(String format, String fileName, String body) throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/partners/acme-lyon/documents?format=" + format, ACME_KEY, "application/octet-stream",
                HttpRequest.BodyPublishers.ofString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = CanonicalJson.mapper().readTree(response.body()).get("documentId").asText();
        JsonNode status = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> CanonicalJson.mapper().readTree(call("GET", "/api/v1/documents/" + id, ACME_KEY, null, null).body()),
                        s -> List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED").contains(s.path("status").asText()));
        assertThat(status.path("status").asText()).as(fileName + ": " + status).isEqualTo("ACCEPTED");
    }

    /** A multipart body: text fields, then one file. */
    static HttpRequest.BodyPublisher multipart(String boundary, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(out.toByteArray());
    }

    List<LoggedRequest> notices(String path, String kind) {
        return hooks.findAll(postRequestedFor(urlEqualTo(path)).withHeader("X-CmoHub-Notice", equalTo(kind)));
    }

    // ------------------------------------------------------------------ the scenario

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theStartersCoordinationBacksOffForTheGatewaysOwnWiring() {
        // one outbox, one SLA sweeper: a second wiring would deliver and fire everything twice per node
        assertThat(context.getBeansOfType(io.cmohub.coordination.CmoHubCoordination.class)).isEmpty();
        assertThat(context.getBeansOfType(io.cmohub.coordination.outbox.OutboxDelivery.class)).hasSize(1);
        assertThat(context.getBeansOfType(io.cmohub.coordination.sla.SlaSweeper.class)).hasSize(1);
    }

    @Test
    void anA52FromTheHubBecomesAnAttributedCaseWithEvidenceRequestVerdictEscalationCmoAnswerAndClosure() throws Exception {
        hooks.stubFor(post(urlEqualTo("/acme/alerts")).willReturn(aResponse().withStatus(202)));
        hooks.stubFor(post(urlEqualTo("/sponsor/qa")).willReturn(aResponse().withStatus(200)));

        // The liaison seed was applied at start (audited) and is visible to the admin.
        JsonNode liaison = json("GET", "/api/v1/admin/liaisons/acme-lyon", ADMIN_KEY, null, 200);
        assertThat(liaison.path("backup").path("email").asText()).isEqualTo("paul.durand@acme.example");
        assertThat(json("GET", "/api/v1/admin/liaisons", ACME_KEY, null, 403)).isNotNull();

        // The CMO's files register DC24100 and CZ24002 (batch records, packaging runs, commissioning).
        upload("csv-batch-record", "batch-records.csv", A52Scenario.BATCH_RECORDS);
        upload("packaging-record-csv", "packaging.csv", A52Scenario.PACKAGING);
        upload("epcis", "commissioning.xml", A52Scenario.epcis());

        // Release check: DC24100 has one commissioned serial more than uploaded (and the misprinted expiry): FAIL; CZ24002 is consistent: PASS.
        JsonNode fail = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> json("POST", "/api/v1/batches/05012345100036/DC24100/release-check", ADMIN_KEY, null, 200),
                        r -> r.path("failures").toString().contains("serials but 5 were commissioned"));
        assertThat(fail.path("outcome").asText()).isEqualTo("FAIL");
        assertThat(fail.path("failures").toString()).contains("the EU Hub holds 4 serials but 5 were commissioned");
        JsonNode pass = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> json("POST", "/api/v1/batches/05012345100012/CZ24002/release-check", ADMIN_KEY, null, 200),
                        r -> r.path("outcome").asText().equals("PASS"));
        assertThat(pass.path("failures")).isEmpty();
        assertThat(pass.path("passed").toString()).contains("uploaded serial count 4 equals the commissioned count");
        theQpOverridesTheFailedCheckSigned();

        // The library's sweep and outbox timers start 5 s after the routes; the alert flow is timed once they run.
        await().atMost(Duration.ofSeconds(10)).until(() -> camel.getRoute("cmohub-coordination-outbox").getUptimeMillis() > 5_500);

        // The Hub's call-back: an A52 on DC24100 in Ireland.
        HttpResponse<String> ack = call("POST", "/services/hub-alerts/v1", HUB_KEY, "text/xml; charset=UTF-8",
                HttpRequest.BodyPublishers.ofString(A52Scenario.callback("AL-COORD-A52")));
        long acknowledged = System.nanoTime();
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(ack.body()).contains("<outcome>ACCEPTED</outcome>");

        // Within one second: a case attributed to acme-lyon.
        JsonNode cases = await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> json("GET", "/api/v1/cases", ADMIN_KEY, null, 200), list -> list.size() == 1);
        long caseLatencyMs = (System.nanoTime() - acknowledged) / 1_000_000;
        System.out.println("alert call-back acknowledged -> case visible: " + caseLatencyMs + " ms");
        String caseId = cases.get(0).path("caseId").asText();
        JsonNode view = json("GET", "/api/v1/cases/" + caseId, ADMIN_KEY, null, 200);
        JsonNode theCase = view.path("case");
        assertThat(theCase.path("alertIds").toString()).contains("AL-COORD-A52");
        assertThat(theCase.path("attribution").path("partner").asText()).as(theCase.toString()).isEqualTo("acme-lyon");
        assertThat(theCase.path("attribution").path("packagingRunId").asText()).isEqualTo("PR-DC24100-1");

        // The reconciliation: printed 300331 against uploaded 300228, the batch record agrees with the upload: the line misprinted.
        JsonNode reconciliation = view.path("reconciliation");
        assertThat(reconciliation.path("verdict").asText()).as(reconciliation.toString()).isEqualTo("LIKELY_CMO_PRINT_ERROR");
        assertThat(reconciliation.path("findings").toString()).contains("PRINTED_VS_UPLOADED_EXPIRY").contains("300331").contains("300228");

        // The evidence request on the liaison's webhook: signed, with the A52 items and the due time on Lyon's calendar.
        try {
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> notices("/acme/alerts", "EVIDENCE_REQUEST").size() == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no evidence request on the webhook; outbox: " + json("GET", "/api/v1/cases/" + caseId, ADMIN_KEY, null, 200)
                    .path("outbox") + " requests: " + hooks.getAllServeEvents().size(), e);
        }
        long noticeLatencyMs = (System.nanoTime() - acknowledged) / 1_000_000;
        System.out.println("alert call-back acknowledged -> evidence request on the liaison webhook: " + noticeLatencyMs + " ms");
        LoggedRequest request = notices("/acme/alerts", "EVIDENCE_REQUEST").get(0);
        assertThat(WebhookSignature.sign(ACME_SECRET, request.getHeader(WebhookSignature.TIMESTAMP_HEADER), request.getBody()))
                .isEqualTo(request.getHeader(WebhookSignature.SIGNATURE_HEADER));
        JsonNode notice = CanonicalJson.mapper().readTree(request.getBody());
        assertThat(notice.path("request").path("items").toString()).contains("packaging-order").contains("artwork-signoff")
                .contains("printed-vs-uploaded-expiry");
        assertThat(Instant.parse(notice.path("request").path("dueAt").asText())).isEqualTo(DUE);
        String requestId = notice.path("request").path("requestId").asText();

        // The CMO sees it on the portal; another CMO cannot see or answer it.
        assertThat(json("GET", "/api/v1/partners/acme-lyon/evidence-requests", ACME_KEY, null, 200).toString()).contains(requestId);
        json("GET", "/api/v1/partners/acme-lyon/evidence-requests", BETA_KEY, null, 403);

        // Past the SLA: the reminder and the escalation fire once each: sponsor QA's webhook and the backup liaison's mailbox.
        CLOCK.set(DUE.plusSeconds(60));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> notices("/sponsor/qa", "ESCALATION").size() == 1 && MAIL.getReceivedMessages().length >= 1);
        Thread.sleep(1500); // several more sweeps and deliveries at 200 ms
        assertThat(sweeper.sweep()).isZero();
        assertThat(notices("/sponsor/qa", "ESCALATION")).hasSize(1);
        assertThat(notices("/acme/alerts", "REMINDER")).hasSize(1);
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("paul.durand@acme.example");
        assertThat(json("GET", "/api/v1/cases/" + caseId, ADMIN_KEY, null, 200).path("case").path("status").asText()).isEqualTo("ESCALATED");

        // The CMO answers: another CMO is refused (403), the right one answers every item (one with a file).
        String boundary = "cmohub-" + UUID.randomUUID();
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("answer.packaging-order", "Packaging order PO-7731 told the line 300228.");
        answers.put("answer.artwork-signoff", "Artwork AW-7 signed off 2024-06-20 by QA Lyon.");
        answers.put("answer.printed-vs-uploaded-expiry", "The coder printed 300331: wrong recipe loaded on line L3.");
        byte[] pdf = "%PDF-1.4 packaging order PO-7731".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = call("POST", "/api/v1/partners/beta-cmo/evidence-requests/" + requestId + "/responses", BETA_KEY,
                "multipart/form-data; boundary=" + boundary, multipart(boundary, answers, "file.packaging-order", "PO-7731.pdf", pdf));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        HttpResponse<String> answered = call("POST", "/api/v1/partners/acme-lyon/evidence-requests/" + requestId + "/responses", ACME_KEY,
                "multipart/form-data; boundary=" + boundary, multipart(boundary, answers, "file.packaging-order", "PO-7731.pdf", pdf));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(CanonicalJson.mapper().readTree(answered.body()).path("status").asText()).isEqualTo("ANSWERED");
        assertThat(json("GET", "/api/v1/cases/" + caseId, ADMIN_KEY, null, 200).path("case").path("status").asText()).isEqualTo("UNDER_REVIEW");

        // The sponsor's QA closes the case with an e-signature; the full trail is on the case and the audit chain verifies.
        String closure = "{\"rootCause\":\"Wrong coder recipe on line L3 printed expiry 300331; upload and batch record are right\"";
        json("POST", "/api/v1/cases/" + caseId + "/close", ACME_KEY, closure + "}", 403);
        assertThat(json("POST", "/api/v1/cases/" + caseId + "/close", ADMIN_KEY, closure + "}", 403).path("detail").asText())
                .contains("a named person");
        JsonNode closed = closeAsQa(caseId, closure);
        assertThat(closed.path("case").path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("case").path("verdict").asText()).isEqualTo("LIKELY_CMO_PRINT_ERROR");
        List<String> actions = new ArrayList<>();
        closed.path("timeline").forEach(e -> actions.add(e.path("action").asText()));
        System.out.println("case timeline: " + actions);
        assertThat(closed.path("timeline").size()).isGreaterThanOrEqualTo(5);
        JsonNode answersOnCase = closed.path("evidenceRequests").get(0).path("answers");
        assertThat(answersOnCase.toString()).contains("PO-7731.pdf").contains("sha256");
        JsonNode verification = json("GET", "/api/v1/admin/audit/verification", ADMIN_KEY, null, 200);
        assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();

        // The scorecard counts the A52 against acme-lyon, site ACME-LYON, line L3.
        JsonNode scorecard = json("GET", "/api/v1/scorecard?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z", ADMIN_KEY, null, 200);
        assertThat(scorecard.path("alertPatterns").toString()).contains("acme-lyon").contains("A52").contains("L3");
    }

    @Test
    void anEpcisErrorDeclarationTakesTheRetractedCommissioningOutOfTheRegistry() throws Exception {
        ProductCode cardiozol = ProductCode.of("05012345100012");
        SerialNumber serial = SerialNumber.of("RETRACTME001");
        // the CMO commissions two packs under the wrong batch...
        String wrong = A52Scenario.commission(cardiozol.value(), "CZ24777", "2031-12-31", "2024-07-01T07:00:00Z", List.of("RETRACTME001", "RETRACTME002"));
        upload("epcis", "wrong-batch.xml", A52Scenario.epcisDocument(wrong));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> registry.batchesHoldingSerial(cardiozol, serial), batches -> batches.equals(List.of(BatchId.of("CZ24777"))));
        // ...then declares that event erroneous (GS1: the event repeated with an errorDeclaration) and commissions them under the right one
        String declaration = wrong.replace("</ObjectEvent>", "  <errorDeclaration><declarationTime>2024-07-01T09:00:00Z</declarationTime>"
                + "<reason>urn:epcglobal:cbv:er:incorrect_data</reason></errorDeclaration>\n</ObjectEvent>");
        String corrected = A52Scenario.commission(cardiozol.value(), "CZ24778", "2031-12-31", "2024-07-01T10:00:00Z", List.of("RETRACTME001", "RETRACTME002"));
        upload("epcis", "correction.xml", A52Scenario.epcisDocument(declaration, corrected));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> registry.batchesHoldingSerial(cardiozol, serial), batches -> batches.equals(List.of(BatchId.of("CZ24778"))));
        assertThat(registry.batchesHoldingSerial(cardiozol, SerialNumber.of("RETRACTME002"))).containsExactly(BatchId.of("CZ24778"));
        assertThat(json("GET", "/api/v1/admin/audit/verification", ADMIN_KEY, null, 200).path("valid").asBoolean()).isTrue();
    }

    @Test
    void operationsEditLiaisonsSignedWithOptimisticVersionsAndPartnersAndKeysCannot() throws Exception {
        String beta = """
                {"liaison": {"name": "Bea Test", "email": "bea@beta.example"},
                 "channels": [{"type": "portal", "address": "beta-cmo"}],
                 "responseSlaMinutes": 90, "path": "EAMS_CONNECTED",
                 "calendar": {"timeZone": "Europe/Berlin", "hours": "07:00-16:00"}}""";
        json("PUT", "/api/v1/admin/liaisons/beta-cmo", BETA_KEY, beta, 403);
        assertThat(json("PUT", "/api/v1/admin/liaisons/beta-cmo", ADMIN_KEY, beta, 403).path("detail").asText()).contains("a named person");
        io.cmohub.gateway.server.people.SigningPerson sam = io.cmohub.gateway.server.people.SigningPerson.create("http://localhost:" + port,
                ADMIN_KEY, "sam.ops", "Sam Okafor", "SERIALIZATION_OPS");
        io.cmohub.gateway.server.people.BrowserSession ops = sam.browser();

        HttpResponse<String> unsigned = ops.send("PUT", "/api/v1/admin/liaisons/beta-cmo", CanonicalJson.mapper().readTree(beta));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("changing a liaison is a signed decision");
        HttpResponse<String> created = ops.send("PUT", "/api/v1/admin/liaisons/beta-cmo", sam.signed(beta, "liaison", "beta-cmo", "APPROVED"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode createdBody = CanonicalJson.mapper().readTree(created.body());
        int version = createdBody.path("version").asInt();
        assertThat(createdBody.path("responseSlaMinutes").asInt()).isEqualTo(90);
        String changed = beta.replace("Bea Test", "Bea Changed").replace("{\"liaison\"", "{\"version\": " + version + ", \"liaison\"");
        HttpResponse<String> updated = ops.send("PUT", "/api/v1/admin/liaisons/beta-cmo", sam.signed(changed, "liaison", "beta-cmo", "APPROVED"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        // a second edit made on the old version is refused, before its signature is spent
        String stale = beta.replace("{\"liaison\"", "{\"version\": " + version + ", \"liaison\"");
        assertThat(ops.send("PUT", "/api/v1/admin/liaisons/beta-cmo", sam.signed(stale, "liaison", "beta-cmo", "APPROVED")).statusCode()).isEqualTo(409);
        assertThat(ops.send("PUT", "/api/v1/admin/liaisons/beta-cmo", CanonicalJson.mapper().readTree("{\"liaison\": {\"name\": \"x\"}}"))
                .statusCode()).isEqualTo(400);
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT actor, reason FROM audit_event WHERE action = 'LIAISON_UPDATE' AND object_id = 'beta-cmo'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("user:sam.ops (Sam Okafor)");
            assertThat(rs.getString(2)).contains("signed: Sam Okafor (sam.ops) at ").contains("meaning \"approved\"");
        }
        String removal = sam.sign("liaison", "beta-cmo", "APPROVED");
        assertThat(ops.send("DELETE", "/api/v1/admin/liaisons/beta-cmo", null).statusCode()).isEqualTo(403);
        assertThat(ops.send("DELETE", "/api/v1/admin/liaisons/beta-cmo?signatureId=" + removal, null).statusCode()).isEqualTo(204);
        json("GET", "/api/v1/admin/liaisons/beta-cmo", ADMIN_KEY, null, 404);
    }
}
