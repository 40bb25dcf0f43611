package io.cmohub.gateway.server.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.cmohub.gateway.server.A52Scenario;
import io.cmohub.model.codec.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser (headless Chromium): an A52 arrives through the Hub's call-back, QA sees it
 * on the board and opens the verdict, the CMO's liaison — a second browser — answers the evidence request
 * with a file, QA reads the answer and closes the case with an e-signature, and the board no longer lists
 * it; a QP releases a batch that fails its release check with a signed justification; and a CMO reads on its self-service page why its upload was rejected. Each page is photographed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final String ADMIN_KEY = "console-test-admin-key-0123456789";
    static final String ACME_KEY = "console-test-acme-key-0123456789";
    static final String HUB_KEY = "console-test-hub-key-0123456789";
    static final Path DATA_DIR = Path.of("target", "console-" + UUID.randomUUID()).toAbsolutePath();

    @RegisterExtension
    static WireMockExtension hooks = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .resetOnEachTest(false).build();

    /** The upload the CMO reads about in test 3 and the administrator replays in test 4. */
    static String rejectedDocument;

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cmohub.data-dir", DATA_DIR::toString);
        registry.add("cmohub.admin.api-key", () -> ADMIN_KEY);
        registry.add("cmohub.eu-hub.callback.api-key", () -> HUB_KEY);
        registry.add("cmohub.partners[0].id", () -> "acme-lyon");
        registry.add("cmohub.partners[0].api-key", () -> ACME_KEY);
        registry.add("cmohub.partners[0].products", () -> "05012345100036,05012345100012");
        registry.add("cmohub.partners[0].sites", () -> "ACME-LYON");
        registry.add("cmohub.partners[0].formats.csv-batch-record.file-pattern", () -> "*batch*.csv");
        registry.add("cmohub.partners[0].formats.packaging-record-csv.file-pattern", () -> "*packaging*.csv");
        registry.add("cmohub.partners[0].formats.epcis.file-pattern", () -> "*.xml");
        registry.add("cmohub.coordination.liaison-seed", () -> A52Scenario.writeLiaisonSeed(DATA_DIR, hooks.baseUrl()));
        registry.add("cmohub.coordination.secrets.acme-webhook", () -> "console-acme-webhook-secret-0123");
    }

    @BeforeAll
    static void chromium() {
        ConsoleBrowser.assumeChromium();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    @Order(1)
    void anA52IsSeenOnTheBoardAnsweredByTheCmoInItsOwnBrowserAndClosedWithASignature() throws Exception {
        hooks.stubFor(post(urlEqualTo("/acme/alerts")).willReturn(aResponse().withStatus(202)));
        upload("csv-batch-record", A52Scenario.BATCH_RECORDS, "ACCEPTED");
        upload("packaging-record-csv", A52Scenario.PACKAGING, "ACCEPTED");
        upload("epcis", A52Scenario.epcis(), "ACCEPTED");
        person("quinn.qa", "Quinn Martin", "QA", null);
        person("claire.acme", "Claire Martin", "LIAISON", "acme-lyon");

        HttpResponse<String> ack = send("POST", "/services/hub-alerts/v1", HUB_KEY, "text/xml; charset=UTF-8", A52Scenario.callback("AL-CONSOLE-A52"));
        assertThat(ack.body()).contains("<outcome>ACCEPTED</outcome>");

        try (ConsoleBrowser qa = new ConsoleBrowser(base()); ConsoleBrowser cmo = new ConsoleBrowser(base())) {
            // QA's first login: the console sends her to choose her own password before anything else
            qa.login("quinn.qa", initialPassword("quinn.qa"));
            assertThat(qa.path()).isEqualTo("/console/account");
            qa.screenshot("01-account-first-login");
            changePassword(qa, initialPassword("quinn.qa"), "quinns-own-Pass-01");

            qa.open("/console/cases");
            qa.waitForText("A52", true);
            assertThat(qa.text()).contains("Quinn Martin").contains("acme-lyon").contains("05012345100036").contains("DC24100").contains("IE");
            qa.screenshot("02-cases-board");
            qa.click(By.cssSelector("table.cases tbody a"));
            qa.waitForText("Reconciliation against the EU Hub", false);
            assertThat(qa.text()).contains("LIKELY_CMO_PRINT_ERROR").contains("PRINTED_VS_UPLOADED_EXPIRY").contains("300331").contains("300228")
                    .contains("ATTRIBUTED to acme-lyon").contains("AL-CONSOLE-A52").contains("HUB ");
            String casePath = qa.path();
            qa.screenshot("03-case-detail");

            // the CMO's liaison, in a browser of her own
            cmo.login("claire.acme", initialPassword("claire.acme"));
            changePassword(cmo, initialPassword("claire.acme"), "claires-own-Pass-01");
            assertThat(cmo.path()).isEqualTo("/console/portal");
            cmo.waitForText("packaging-order", true);
            assertThat(cmo.text()).contains("Europe/Paris").doesNotContain("quinn");
            cmo.screenshot("04-portal-evidence-request");
            Path pdf = Files.writeString(DATA_DIR.resolve("PO-7731.pdf"), "%PDF-1.4 packaging order PO-7731");
            cmo.type(By.cssSelector("textarea[name='answer.packaging-order']"), "Packaging order PO-7731 told the line 300228.");
            cmo.driver().findElement(By.cssSelector("input[name='file.packaging-order']")).sendKeys(pdf.toString());
            cmo.type(By.cssSelector("textarea[name='answer.artwork-signoff']"), "Artwork AW-7 signed off by QA Lyon.");
            cmo.type(By.cssSelector("textarea[name='answer.printed-vs-uploaded-expiry']"), "The coder printed 300331: wrong recipe on line L3.");
            cmo.click(By.cssSelector("form.answer button[type=submit]"));
            cmo.waitForText("Sent 3 answer(s)", false);
            assertThat(cmo.text()).contains("PO-7731.pdf").contains("user:claire.acme (Claire Martin)");
            cmo.screenshot("05-portal-answered");

            // QA reads the answer (and the file) and closes the case, signing with her password
            qa.open(casePath);
            qa.waitForText("Packaging order PO-7731 told the line 300228.", true);
            assertThat(qa.driver().findElement(By.linkText("PO-7731.pdf")).getAttribute("href")).contains("/console/evidence/");
            qa.type(By.id("rootCause"), "Wrong coder recipe on line L3 printed expiry 300331; CAPA-2211 opened at ACME Lyon.");
            qa.type(By.id("password"), "not-quinns-password");
            qa.click(By.id("sign-and-close"));
            qa.waitForText("the password is wrong; nothing was signed", false);
            qa.type(By.id("rootCause"), "Wrong coder recipe on line L3 printed expiry 300331; CAPA-2211 opened at ACME Lyon.");
            qa.type(By.id("password"), "quinns-own-Pass-01");
            qa.screenshot("06-case-close-signature");
            qa.click(By.id("sign-and-close"));
            qa.waitForText("closed and signed by Quinn Martin", false);
            assertThat(qa.text()).contains("CLOSED").contains("CASE_CLOSED").contains("user:quinn.qa (Quinn Martin)")
                    .contains("signed: Quinn Martin (quinn.qa) at ").contains("meaning \"closed with root cause\"");
            qa.screenshot("07-case-closed");

            qa.open("/console/cases");
            qa.waitFor(By.cssSelector("table.cases"));
            assertThat(qa.text()).contains("No case matches.").doesNotContain("DC24100");
        }
    }

    @Test
    @Order(2)
    void aQpSeesWhyABatchFailsItsReleaseCheckAndReleasesItWithASignedJustification() throws Exception {
        person("paula.qp", "Paula Richter", "QP", null);
        try (ConsoleBrowser qp = new ConsoleBrowser(base())) {
            qp.login("paula.qp", initialPassword("paula.qp"));
            changePassword(qp, initialPassword("paula.qp"), "paulas-own-Pass-01");
            qp.open("/console/batches?cmo=acme-lyon");
            qp.click(By.linkText("DC24100"));
            qp.waitForText("Packaging runs", false);
            assertThat(qp.text()).contains("PR-DC24100-1").contains("L3").contains("300331")
                    .contains("No open case on this batch."); // the QA closed its A52 case in the first test
            qp.click(By.id("run-release-check"));
            qp.waitForText("FAIL", false);
            assertThat(qp.text()).contains("the EU Hub holds 4 serials but 5 were commissioned");
            qp.screenshot("10-batch-release-check");
            qp.type(By.id("justification"), "The extra commissioned serial was destroyed on line L3 (deviation DV-1187).");
            qp.type(By.id("override-password"), "paulas-own-Pass-01");
            qp.click(By.id("sign-and-override"));
            qp.waitForText("approved despite the failed check, signed by Paula Richter", false);
            qp.screenshot("11-batch-release-override");
        }
        HttpResponse<String> recorded = send("GET", "/api/v1/batches/05012345100036/DC24100/release-overrides", ADMIN_KEY, null, null);
        JsonNode overrides = CanonicalJson.mapper().readTree(recorded.body());
        assertThat(overrides).hasSize(1);
        assertThat(overrides.get(0).path("actor").asText()).isEqualTo("user:paula.qp (Paula Richter)");
        assertThat(overrides.get(0).path("details").asText()).contains("serials but 5 were commissioned").contains("signed: Paula Richter (paula.qp) at ");
    }

    @Test
    @Order(3)
    void aCmoReadsOnItsSelfServicePageWhyItsUploadWasRejected() throws Exception {
        rejectedDocument = upload("csv-batch-record", """
                product_code,batch_id,status,site_id,expiry
                05012345100036,DC24999,RELEASED,ACME-LYON,31/02/30
                """, "REJECTED");
        try (ConsoleBrowser cmo = new ConsoleBrowser(base())) {
            cmo.login("claire.acme", "claires-own-Pass-01");
            cmo.click(By.linkText("Our uploads"));
            cmo.waitForText("REJECTED", true);
            cmo.screenshot("12-portal-uploads");
            cmo.click(By.cssSelector("a[href$='" + rejectedDocument + "']"));
            cmo.waitForText("Rejected records", false);
            assertThat(cmo.text()).contains("line 2").contains("expiry").contains("31/02/30");
            assertThat(cmo.driver().findElements(By.id("replay"))).as("replaying is the sponsor's operations' decision").isEmpty();
            cmo.screenshot("13-portal-rejected-upload");
            cmo.open("/console/cases");
            assertThat(cmo.text()).as("a liaison has no sponsor pages").contains("Not allowed");
        }
    }

    @Test
    @Order(4)
    void anAdministratorCreatesAndDisablesAPersonAndSeesTheAuditTrailVerify() throws Exception {
        String generated = Files.readString(DATA_DIR.resolve("initial-admin-password")).trim();
        try (ConsoleBrowser admin = new ConsoleBrowser(base())) {
            admin.login("cmohub-admin", generated);
            changePassword(admin, generated, "the-admins-own-Pass-01");
            admin.click(By.linkText("Users"));
            admin.type(By.id("new-username"), "ivy.ops");
            admin.type(By.id("new-display-name"), "Ivy Operations");
            admin.click(By.cssSelector("#create-form input[name=roles][value=SERIALIZATION_OPS]"));
            admin.click(By.id("create-person"));
            admin.waitForText("Account ivy.ops created", false);
            String shown = admin.text().replaceAll("(?s).*shown only now: (\\S+) .*", "$1");
            assertThat(shown).hasSizeGreaterThanOrEqualTo(12);
            admin.screenshot("14-admin-users");
            new org.openqa.selenium.support.ui.Select(admin.waitFor(By.id("roles-username"))).selectByValue("ivy.ops");
            admin.click(By.cssSelector("#roles-form input[name=roles][value=QA]"));
            admin.click(By.cssSelector("#roles-form input[name=roles][value=ADMIN]"));
            admin.click(By.id("change-roles"));
            admin.waitForText("ADMIN cannot be combined", false); // separation of duties holds in the console too
            new org.openqa.selenium.support.ui.Select(admin.waitFor(By.id("roles-username"))).selectByValue("ivy.ops");
            admin.click(By.cssSelector("#roles-form input[name=roles][value=QA]"));
            admin.click(By.id("change-roles"));
            admin.waitForText("Account ivy.ops now has the roles [QA]", false);
            admin.click(By.cssSelector("button[aria-label='Disable ivy.ops']"));
            admin.waitForText("Account ivy.ops disabled", false);
            assertThat(admin.text()).doesNotContain("Disable cmohub-admin").contains("another administrator changes your account");
            try (ConsoleBrowser ivy = new ConsoleBrowser(base())) {
                ivy.login("ivy.ops", shown);
                assertThat(ivy.path()).as("a disabled account cannot log in").isEqualTo("/login");
            }
            admin.open("/console/documents/" + rejectedDocument);
            assertThat(admin.text()).contains("line 2").contains("31/02/30");
            admin.click(By.id("replay"));
            admin.waitForText("Replayed as document", false);
            assertThat(admin.text()).contains("A replay of " + rejectedDocument);
            // an integration engineer's mapping for a new CMO export: a wrong file is refused with its line, the right one signed and saved
            admin.click(By.linkText("Mappings"));
            admin.type(By.id("new-format-id"), "gamma-lots");
            admin.click(By.id("new-mapping"));
            admin.type(By.id("definition"), "id: gamma-lots\ntitle: GAMMA lots\ndescription: lots\nsource: {format: csv, delimiter: \"|\"}\n"
                    + "records:\n  - entity: bacth\n    fields:\n      product: GTIN\n");
            admin.type(By.id("mapping-password"), "the-admins-own-Pass-01");
            admin.click(By.id("save-mapping"));
            admin.waitForText("is invalid", false);
            assertThat(admin.text()).contains("line ");
            admin.type(By.id("definition"), "id: gamma-lots\ntitle: GAMMA lots\ndescription: lots\nsource: {format: csv, delimiter: \"|\"}\n"
                    + "records:\n  - entity: batch\n    fields:\n      product: GTIN\n      batchId: Lot\n      status: {const: RELEASED}\n"
                    + "      site: {const: GAMMA-1}\n");
            admin.type(By.id("mapping-password"), "the-admins-own-Pass-01");
            admin.click(By.id("save-mapping"));
            admin.waitForText("Mapping gamma-lots version 1 saved and signed by Initial administrator", false);
            admin.screenshot("16-admin-mapping");
            // and the CMO that sends it, onboarded with a signature: its key works at once
            admin.click(By.linkText("Partners"));
            admin.type(By.id("partner-id"), "gamma-cmo");
            admin.type(By.id("partner-name"), "Gamma Fill & Finish");
            admin.type(By.id("partner-products"), "05012345100036");
            admin.type(By.id("partner-sites"), "GAMMA-1");
            new org.openqa.selenium.support.ui.Select(admin.waitFor(By.id("partner-format"))).selectByValue("gamma-lots");
            admin.type(By.id("partner-password"), "the-admins-own-Pass-01");
            admin.click(By.id("create-partner"));
            admin.waitForText("Partner gamma-cmo created", false);
            String key = admin.text().replaceAll("(?s).*shown only now: (\\S+) .*", "$1");
            admin.screenshot("17-admin-partners");
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/partners/gamma-cmo/documents?format=gamma-lots"))
                    .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString("GTIN|Lot\n05012345100036|G1\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as("the new CMO uploads with the key shown once: " + posted.body()).isEqualTo(202);
            // who answers for acme-lyon changes: the register entry edited as YAML and signed
            admin.click(By.linkText("Liaisons"));
            admin.click(By.cssSelector("a[aria-label='Change the liaison of acme-lyon']"));
            String entry = admin.waitFor(By.id("liaison-entry")).getAttribute("value");
            assertThat(entry).contains("Paul Durand").contains("Europe/Paris");
            admin.type(By.id("liaison-entry"), entry.replace("Paul Durand", "Paula Durand"));
            admin.type(By.id("liaison-reason"), "Paul on leave until January");
            admin.type(By.id("liaison-password"), "the-admins-own-Pass-01");
            admin.click(By.id("save-liaison"));
            admin.waitForText("The liaison of acme-lyon is saved and signed by Initial administrator", false);
            assertThat(admin.text()).contains("Paula Durand");
            HttpResponse<String> register = send("GET", "/api/v1/admin/liaisons/acme-lyon", ADMIN_KEY, null, null);
            assertThat(register.body()).contains("Paula Durand");
            admin.click(By.linkText("Dead letters"));
            admin.waitForText("Outbound routes and dead letters", false);
            assertThat(admin.text()).contains("No outbound route is configured").contains("every document's processing was delivered");
            admin.click(By.linkText("Audit"));
            admin.waitForText("The audit trail verifies", false);
            admin.screenshot("15-admin-audit");
        }
    }

    @Test
    @Order(5)
    void theConsolePagesNameTheLoggedInPersonAndSendAnonymousBrowsersToTheLogin() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/console/cases")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        io.cmohub.gateway.server.people.BrowserSession quinn = new io.cmohub.gateway.server.people.BrowserSession(base());
        quinn.loginAndReadMe("quinn.qa", "quinns-own-Pass-01");
        for (String page : List.of("/console/cases", "/console/documents", "/console/scorecard", "/console/batches")) {
            HttpResponse<String> answer = quinn.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(answer.body()).as(page).contains("Quinn Martin");
            if (page.equals("/console/scorecard")) {
                assertThat(answer.body()).contains("Repeat patterns").contains("acme-lyon");
            }
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'")
                    .contains("script-src 'self'");
        }
        HttpResponse<String> home = quinn.get("/console");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/console/cases");
    }

    @Test
    @Order(6)
    void aQaPersonAsksTheEuHubForABatchAndForPastedPacksAndReadsTheAnswers() throws Exception {
        try (ConsoleBrowser qa = new ConsoleBrowser(base())) {
            qa.login("quinn.qa", "quinns-own-Pass-01");
            qa.open("/console/batches/05012345100036/DC24100");
            qa.click(By.id("ask-hub-for-batch"));
            qa.waitForText("is being asked", false);
            qa.waitForText("COMPLETED", true);
            // 5 serials commissioned, 4 of them uploaded to the Hub (the release check's failure above)
            assertThat(qa.text()).contains("user:quinn.qa (Quinn Martin)").contains("UNKNOWN_SERIAL").contains("ACTIVE")
                    .contains("5 answered, 0 Hub faults, of 5 packs");
            qa.screenshot("18-pack-state-query-of-a-batch");

            qa.open("/console/pack-states");
            qa.type(By.id("csv"), "product,serial\n05012345100012,DEK76RN3RKAY\n05012345100012,CDVZ2D89LY5J\n");
            qa.click(By.id("ask-packs"));
            qa.waitForText("COMPLETED", true);
            assertThat(qa.text()).contains("DEK76RN3RKAY").contains("CDVZ2D89LY5J").contains("DESTROYED").contains("FR wholesaler destruction site");

            qa.open("/console/pack-states");
            qa.type(By.id("csv"), "product,serial\n05012345100012,DEK76RN3RKAY\n0501234510001,X\n");
            qa.click(By.id("ask-packs"));
            qa.waitForText("The query was not accepted", false);
            assertThat(qa.text()).contains("line 3: ").contains("0501234510001");
            qa.screenshot("19-pack-state-query-refused");
        }
    }

    private void changePassword(ConsoleBrowser browser, String current, String chosen) {
        browser.type(By.id("currentPassword"), current);
        browser.type(By.id("newPassword"), chosen);
        browser.type(By.id("repeatPassword"), chosen);
        browser.click(By.cssSelector("form.password button[type=submit]"));
        browser.waitUntilLeft("/console/account", false);
    }

    /** What the administrator gives a new person (the policy refuses a password containing the username). */
    static String initialPassword(String username) {
        return "Initial-" + Integer.toHexString(username.hashCode()) + "-pw01";
    }

    private void person(String username, String displayName, String role, String partner) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", displayName, "roles", List.of(role),
                "password", initialPassword(username)));
        if (partner != null) {
            body.put("partner", partner);
        }
        HttpResponse<String> created = send("POST", "/api/v1/admin/users", ADMIN_KEY, "application/json", CanonicalJson.mapper().writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private String upload(String format, String body, String expected) throws Exception {
        HttpResponse<String> posted = send("POST", "/api/v1/partners/acme-lyon/documents?format=" + format, ACME_KEY, "application/octet-stream", body);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = CanonicalJson.mapper().readTree(posted.body()).path("documentId").asText();
        JsonNode done = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> CanonicalJson.mapper().readTree(send("GET", "/api/v1/documents/" + id, ACME_KEY, null, null).body()),
                        s -> List.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED").contains(s.path("status").asText()));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo(expected);
        return id;
    }

    private HttpResponse<String> send(String method, String path, String key, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("X-Api-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
