package io.cmohub.gateway.server.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import io.cmohub.gateway.server.signatures.SignatureRefusedException;
import io.cmohub.model.codec.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Named people on the running gateway, driven the way a browser and an administrator drive it: the first
 * administrator from the generated password, accounts made through the admin API, logins at {@code /login},
 * role and partner checks, lockout, disabling, CSRF, logout, and signatures spent once on their own record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class PeopleTest {
    static final String ADMIN_KEY = "people-test-admin-key-0001";
    static final String ACME_KEY = "people-test-acme-key-0001";
    static final String BETA_KEY = "people-test-beta-key-0001";
    static final String ADMIN_PASSWORD = "the-admin-own-Pass-01";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcSignatures signatures;
    @Autowired
    JdbcAccounts accounts;

    abstract Path dataDir();

    static Path newDataDir() {
        return Path.of("target", "people-" + java.util.UUID.randomUUID()).toAbsolutePath();
    }

    static void gatewayProperties(DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("cmohub.data-dir", dataDir::toString);
        registry.add("cmohub.admin.api-key", () -> ADMIN_KEY);
        registry.add("cmohub.people.lockout-failures", () -> "3");
        for (String[] partner : new String[][] {{"acme-cmo", ACME_KEY, "05012345678900", "ACME-LYON"}, {"beta-cmo", BETA_KEY, "04012345000023", "BETA-1"}}) {
            int i = partner[0].startsWith("acme") ? 0 : 1;
            registry.add("cmohub.partners[" + i + "].id", () -> partner[0]);
            registry.add("cmohub.partners[" + i + "].api-key", () -> partner[1]);
            registry.add("cmohub.partners[" + i + "].products", () -> partner[2]);
            registry.add("cmohub.partners[" + i + "].sites", () -> partner[3]);
            registry.add("cmohub.partners[" + i + "].formats.csv-batch-record.file-pattern", () -> "*.csv");
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The first administrator, logged in and past the forced password change. */
    BrowserSession admin() throws Exception {
        BrowserSession admin = new BrowserSession(base());
        admin.loginAndReadMe("cmohub-admin", ADMIN_PASSWORD);
        return admin;
    }

    @Test
    @Order(1)
    void theFirstAdministratorLogsInWithTheGeneratedPasswordAndMustChangeItBeforeAnythingElse() throws Exception {
        Path file = dataDir().resolve("initial-admin-password");
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        String generated = Files.readString(file).trim();
        BrowserSession browser = new BrowserSession(base());

        JsonNode me = browser.loginAndReadMe("cmohub-admin", generated);
        assertThat(me.path("kind").asText()).isEqualTo("PERSON");
        assertThat(me.path("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(me.path("passwordChangeRequired").asBoolean()).isTrue();
        HttpResponse<String> blocked = browser.get("/api/v1/admin/users");
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(blocked.body()).contains("change it first");

        assertThat(browser.send("POST", "/api/v1/me/password", Map.of("currentPassword", generated, "newPassword", ADMIN_PASSWORD), false)
                .statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> tooShort = browser.send("POST", "/api/v1/me/password", Map.of("currentPassword", generated, "newPassword", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");
        assertThat(browser.send("POST", "/api/v1/me/password", Map.of("currentPassword", generated, "newPassword", generated)).body())
                .contains("must differ from the current one");
        assertThat(browser.send("POST", "/api/v1/me/password", Map.of("currentPassword", generated, "newPassword", ADMIN_PASSWORD)).statusCode())
                .isEqualTo(204);

        assertThat(browser.me().path("passwordChangeRequired").asBoolean()).isFalse();
        assertThat(browser.get("/api/v1/admin/users").statusCode()).isEqualTo(200);
        assertThat(auditActions("user", "cmohub-admin")).contains("USER_CREATE", "LOGIN", "PASSWORD_CHANGE");
    }

    @Test
    @Order(2)
    void peopleMadeByTheAdministratorAreRefusedWhereTheirRoleDoesNotAllow() throws Exception {
        BrowserSession admin = admin();
        HttpResponse<String> created = admin.send("POST", "/api/v1/admin/users",
                Map.of("username", "aude.auditor", "displayName", "Aude Laurent", "roles", List.of("AUDITOR")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String initial = CanonicalJson.mapper().readTree(created.body()).path("initialPassword").asText();
        assertThat(initial).hasSizeGreaterThanOrEqualTo(20);
        assertThat(admin.send("POST", "/api/v1/admin/users", Map.of("username", "aude.auditor", "displayName", "x", "roles", List.of("QA")))
                .statusCode()).isEqualTo(409);
        assertThat(admin.send("POST", "/api/v1/admin/users", Map.of("username", "liz", "displayName", "Liz", "roles", List.of("LIAISON")))
                .body()).contains("needs the partner");
        assertThat(admin.send("POST", "/api/v1/admin/users", Map.of("username", "Bad Name", "displayName", "x", "roles", List.of("QA")))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> adminAndSigner = admin.send("POST", "/api/v1/admin/users",
                Map.of("username", "ada.admin", "displayName", "Ada", "roles", List.of("ADMIN", "QP")));
        assertThat(adminAndSigner.statusCode()).as("separation of duties").isEqualTo(400);
        assertThat(adminAndSigner.body()).contains("ADMIN cannot be combined with the roles that sign GxP decisions");
        HttpResponse<String> selfGrant = admin.send("PATCH", "/api/v1/admin/users/cmohub-admin", Map.of("roles", List.of("ADMIN", "AUDITOR")));
        assertThat(selfGrant.statusCode()).as(selfGrant.body()).isEqualTo(409);
        assertThat(selfGrant.body()).contains("cannot change their own roles");
        assertThat(admin.send("PATCH", "/api/v1/admin/users/cmohub-admin", Map.of("resetPassword", true)).statusCode())
                .as("nor reset their own password past the policy").isEqualTo(409);
        assertThat(admin.send("PATCH", "/api/v1/admin/users/cmohub-admin", Map.of("displayName", "Initial administrator")).statusCode())
                .as("an unchanged role set is no self-grant").isEqualTo(200);

        BrowserSession auditor = new BrowserSession(base());
        auditor.loginAndReadMe("aude.auditor", initial);
        auditor.send("POST", "/api/v1/me/password", Map.of("currentPassword", initial, "newPassword", "aude-own-Pass-0001"));
        JsonNode me = auditor.me();
        assertThat(me.path("displayName").asText()).isEqualTo("Aude Laurent");
        assertThat(auditor.get("/api/v1/cases").statusCode()).as("an auditor reads cases").isEqualTo(200);
        assertThat(auditor.get("/api/v1/admin/audit/verification").statusCode()).as("and reviews the audit trail").isEqualTo(200);
        HttpResponse<String> users = auditor.get("/api/v1/admin/users");
        assertThat(users.statusCode()).as("but administers nothing").isEqualTo(403);
        assertThat(users.body()).contains("[ADMIN]");
        assertThat(auditor.send("PUT", "/api/v1/admin/liaisons/acme-cmo", Map.of()).statusCode()).isEqualTo(403);
        assertThat(auditActions("endpoint", "/api/v1/admin/users")).contains("ACCESS_DENIED");
    }

    @Test
    @Order(3)
    void aLiaisonSeesOnlyItsOwnPartnersRequestsAndDocuments() throws Exception {
        BrowserSession admin = admin();
        for (String[] liaison : new String[][] {{"anna.acme", "acme-cmo"}, {"bert.beta", "beta-cmo"}}) {
            HttpResponse<String> created = admin.send("POST", "/api/v1/admin/users", Map.of("username", liaison[0], "displayName", liaison[0],
                    "roles", List.of("LIAISON"), "partner", liaison[1], "password", "first-Pass-" + liaison[1]));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        // beta's system posts a document that is rejected: it is quarantined under beta-cmo
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/v1/partners/beta-cmo/documents?format=csv-batch-record")).header("X-Api-Key", BETA_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("not,a,batch,file\n1,2,3,4\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String documentId = CanonicalJson.mapper().readTree(posted.body()).path("documentId").asText();

        BrowserSession anna = new BrowserSession(base());
        anna.loginAndReadMe("anna.acme", "first-Pass-acme-cmo");
        anna.send("POST", "/api/v1/me/password", Map.of("currentPassword", "first-Pass-acme-cmo", "newPassword", "annas-own-Pass-0001"));
        JsonNode me = anna.me();
        assertThat(me.path("partner").asText()).isEqualTo("acme-cmo");
        assertThat(anna.get("/api/v1/partners/acme-cmo/evidence-requests").statusCode()).isEqualTo(200);
        HttpResponse<String> other = anna.get("/api/v1/partners/beta-cmo/evidence-requests");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("user:anna.acme (anna.acme) may not act for partner 'beta-cmo'");
        assertThat(anna.get("/api/v1/cases").statusCode()).as("cases are the sponsor's").isEqualTo(403);
        BrowserSession bert = new BrowserSession(base());
        bert.loginAndReadMe("bert.beta", "first-Pass-beta-cmo");
        bert.send("POST", "/api/v1/me/password", Map.of("currentPassword", "first-Pass-beta-cmo", "newPassword", "berts-own-Pass-0001"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> bert.get("/api/v1/quarantine").body().contains(documentId));
        assertThat(bert.get("/api/v1/documents/" + documentId).statusCode()).isEqualTo(200);
        // to anna, beta's document does not exist: the same answer as for a missing one
        assertThat(anna.get("/api/v1/documents/" + documentId).statusCode()).isEqualTo(404);
        assertThat(anna.get("/api/v1/quarantine").body()).doesNotContain(documentId);
    }

    @Test
    @Order(4)
    void repeatedWrongPasswordsLockTheAccountUntilAnAdministratorResetsIt() throws Exception {
        BrowserSession stranger = new BrowserSession(base());
        HttpResponse<String> overlong = stranger.login("aude.auditor", "x".repeat(100));
        assertThat(overlong.statusCode()).as("a password longer than bcrypt reads is a wrong password, not an error").isEqualTo(302);
        assertThat(overlong.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        PersonAccount readBeforeTheLock = accounts.find("bert.beta").orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertThat(stranger.login("bert.beta", "wrong-password-" + i).headers().firstValue("Location").orElseThrow()).contains("/login?error");
        }
        HttpResponse<String> locked = stranger.login("bert.beta", "berts-own-Pass-0001");
        assertThat(locked.headers().firstValue("Location").orElseThrow()).as("the right password, but locked").contains("/login?error");
        assertThat(auditActions("user", "bert.beta")).contains("LOGIN_FAILED", "USER_LOCKED");
        assertThat(accounts.loggedIn(readBeforeTheLock, "local password", "test"))
                .as("a right guess checked in parallel, against the account as read before the lock, does not log in").isFalse();

        BrowserSession admin = admin();
        HttpResponse<String> reset = admin.send("PATCH", "/api/v1/admin/users/bert.beta", Map.of("resetPassword", true));
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String initial = CanonicalJson.mapper().readTree(reset.body()).path("initialPassword").asText();
        JsonNode me = new BrowserSession(base()).loginAndReadMe("bert.beta", initial);
        assertThat(me.path("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(auditActions("user", "bert.beta")).contains("PASSWORD_RESET");
    }

    @Test
    @Order(5)
    void aDisabledAccountsOpenSessionEndsAtOnceAndLogoutEndsASession() throws Exception {
        BrowserSession anna = new BrowserSession(base());
        anna.loginAndReadMe("anna.acme", "annas-own-Pass-0001");
        BrowserSession admin = admin();
        HttpResponse<String> ambiguous = admin.send("PATCH", "/api/v1/admin/users/anna.acme", Map.of("enabled", "no"));
        assertThat(ambiguous.statusCode()).as("\"no\" is not read as false").isEqualTo(400);
        assertThat(ambiguous.body()).contains("enabled must be true or false, not").contains("no");
        HttpResponse<String> disabled = admin.send("PATCH", "/api/v1/admin/users/anna.acme", Map.of("enabled", false, "reason", "left the CMO"));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(anna.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(anna.login("anna.acme", "annas-own-Pass-0001").headers().firstValue("Location").orElseThrow()).contains("/login?error");
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT actor, reason, details FROM audit_event WHERE action = 'USER_CHANGE' AND object_id = 'anna.acme'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("user:cmohub-admin (Initial administrator)");
            assertThat(rs.getString(2)).isEqualTo("left the CMO");
            assertThat(rs.getString(3)).contains("before={").contains("enabled=true").contains("after={").contains("enabled=false");
        }

        assertThat(admin.send("POST", "/logout", null, false).statusCode()).as("logout without the token").isEqualTo(403);
        assertThat(admin.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(admin.send("POST", "/logout", null).statusCode()).isEqualTo(302);
        assertThat(admin.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void aSignatureIsSpentOnceAndOnlyOnItsOwnRecordByItsOwnSignerAndVoidedWhenItsActionFails() throws Exception {
        var signature = signatures.sign("quinn", "Quinn Martin", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-1");
        assertThatThrownBy(() -> signatures.apply(signature.signatureId(), "quinn", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-2"))
                .isInstanceOf(SignatureRefusedException.class).hasMessageContaining("was made for case case-1");
        assertThatThrownBy(() -> signatures.apply(signature.signatureId(), "mallory", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-1"))
                .hasMessageContaining("only the signer can use it");
        assertThatThrownBy(() -> signatures.apply(signature.signatureId(), "quinn", SignatureMeaning.APPROVED, "case", "case-1"))
                .hasMessageContaining("this action needs \"approved\"");
        assertThat(signatures.apply(signature.signatureId(), "quinn", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-1").appliedAt()).isNotNull();
        assertThatThrownBy(() -> signatures.apply(signature.signatureId(), "quinn", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-1"))
                .hasMessageContaining("was already used");
        assertThat(signatures.ofRecord("case", "case-1")).singleElement().satisfies(s -> assertThat(s.manifestation())
                .startsWith("Quinn Martin (quinn) at ").contains("meaning \"closed with root cause\""));
        assertThat(signatures.ofRecord("case", "case-2")).isEmpty();

        var failing = signatures.sign("quinn", "Quinn Martin", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-2");
        assertThatThrownBy(() -> signatures.spend(failing.signatureId(), "quinn", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-2",
                spent -> {
                    throw new IllegalStateException("the case store refused the change");
                })).hasMessage("the case store refused the change");
        assertThat(signatures.ofRecord("case", "case-2")).as("a failed action is not shown as signed").isEmpty();
        assertThat(signatures.find(failing.signatureId()).orElseThrow().voidReason()).isEqualTo("the signed action failed: the case store refused the change");
        assertThatThrownBy(() -> signatures.apply(failing.signatureId(), "quinn", SignatureMeaning.CLOSED_WITH_ROOT_CAUSE, "case", "case-2"))
                .hasMessageContaining("was voided at").hasMessageContaining("sign again");
        assertThat(auditActions("case", "case-2")).containsSubsequence("E_SIGNATURE", "E_SIGNATURE_APPLIED", "E_SIGNATURE_VOIDED");
    }

    @Test
    @Order(7)
    void machineKeysStillWorkAndCannotSign() throws Exception {
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me")).header("X-Api-Key", ACME_KEY)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(CanonicalJson.mapper().readTree(me.body()).path("kind").asText()).isEqualTo("PARTNER");
        HttpResponse<String> sign = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/signatures"))
                .header("X-Api-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"recordType\":\"case\",\"recordId\":\"c\",\"meaning\":\"APPROVED\",\"password\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sign.statusCode()).isEqualTo(403);
        assertThat(sign.body()).contains("needs any named person");
    }

    @Test
    @Order(8)
    void aPartnerCreatedThroughTheApiUploadsAtOnceAndARotatedKeyStopsAtOnce() throws Exception {
        BrowserSession admin = admin();
        Map<String, Object> gamma = Map.of("id", "gamma-cmo", "name", "Gamma Fill & Finish", "products", List.of("05012345678900"),
                "sites", List.of("GAMMA-1"), "formats", Map.of("csv-batch-record", Map.of("filePattern", "*.csv")));
        HttpResponse<String> unsigned = admin.send("POST", "/api/v1/admin/partners", gamma);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("signed decision");
        HttpResponse<String> signing = admin.send("POST", "/api/v1/signatures", Map.of("recordType", "partner", "recordId", "gamma-cmo",
                "meaning", "APPROVED", "password", ADMIN_PASSWORD));
        assertThat(signing.statusCode()).as(signing.body()).isEqualTo(201);
        Map<String, Object> signed = new java.util.HashMap<>(gamma);
        signed.put("signatureId", CanonicalJson.mapper().readTree(signing.body()).path("signatureId").asText());
        HttpResponse<String> created = admin.send("POST", "/api/v1/admin/partners", signed);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = CanonicalJson.mapper().readTree(created.body()).path("apiKey").asText();

        assertThat(upload("gamma-cmo", key).statusCode()).as("the new partner uploads with its new key at once").isEqualTo(202);
        HttpResponse<String> rotated = admin.send("POST", "/api/v1/admin/partners/gamma-cmo/api-key", null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newKey = CanonicalJson.mapper().readTree(rotated.body()).path("apiKey").asText();
        assertThat(upload("gamma-cmo", key).statusCode()).as("the rotated key stops at once").isEqualTo(401);
        assertThat(upload("gamma-cmo", newKey).statusCode()).isEqualTo(202);

        HttpResponse<String> byKey = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/admin/partners/gamma-cmo"))
                .header("X-Api-Key", ADMIN_KEY).header("Content-Type", "application/json").method("PATCH",
                        HttpRequest.BodyPublishers.ofString("{\"sites\": [\"GAMMA-1\", \"GAMMA-2\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byKey.statusCode()).as("a scope change by a key that cannot sign").isEqualTo(403);
        assertThat(admin.send("POST", "/api/v1/admin/users", Map.of("username", "gina.gamma", "displayName", "Gina Gamma", "roles", List.of("LIAISON"),
                "partner", "gamma-cmo", "password", "first-Pass-gamma-1")).statusCode()).isEqualTo(201);
        BrowserSession gina = new BrowserSession(base());
        gina.loginAndReadMe("gina.gamma", "first-Pass-gamma-1");
        assertThat(admin.send("PATCH", "/api/v1/admin/partners/gamma-cmo", Map.of("enabled", false, "reason", "contract ended")).statusCode())
                .as("disabling needs no signature").isEqualTo(200);
        assertThat(upload("gamma-cmo", newKey).statusCode()).as("a disabled partner's key stops at once").isEqualTo(401);
        assertThat(gina.get("/api/v1/me").statusCode()).as("and its liaisons' sessions").isEqualTo(401);

        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT action, actor, details FROM audit_event WHERE object_type = 'partner' AND object_id = 'gamma-cmo' ORDER BY seq")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            assertThat(rows).anyMatch(r -> r.startsWith("PARTNER_CREATE user:cmohub-admin (Initial administrator) after={name=Gamma Fill & Finish") && r.contains("signed: "));
            assertThat(rows).anyMatch(r -> r.startsWith("PARTNER_KEY_ROTATE user:cmohub-admin"));
            assertThat(rows).anyMatch(r -> r.startsWith("PARTNER_CHANGE user:cmohub-admin (Initial administrator) before={") && r.contains("enabled=true")
                    && r.contains("after={") && r.contains("enabled=false"));
        }
    }

    @Test
    @Order(9)
    void theAccessReviewAndTheAuditTrailReviewAreThereForTheAuditorAsJsonAndSafeCsv() throws Exception {
        BrowserSession admin = admin();
        assertThat(admin.send("POST", "/api/v1/admin/users", Map.of("username", "formula", "displayName", "=HYPERLINK(\"http://x\")",
                "roles", List.of("QP"))).statusCode()).isEqualTo(201);
        BrowserSession auditor = new BrowserSession(base());
        auditor.loginAndReadMe("aude.auditor", "aude-own-Pass-0001");

        HttpResponse<String> csv = auditor.get("/api/v1/admin/reviews/access?format=csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("access-review.csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("kind,name,displayName,roles,partner,enabled,lockedUntil,lastLoginAt");
        assertThat(lines).anyMatch(l -> l.startsWith("PERSON_LOCAL,anna.acme,anna.acme,LIAISON,acme-cmo,false,"));
        assertThat(lines).anyMatch(l -> l.startsWith("PERSON_LOCAL,cmohub-admin,\"Initial administrator\",ADMIN,,true,"));
        assertThat(lines).anyMatch(l -> l.startsWith("PARTNER_CREDENTIAL,gamma-cmo,") && l.contains(",false,"));
        assertThat(lines).as("a formula is defused").anyMatch(l -> l.startsWith("PERSON_LOCAL,formula,\"'=HYPERLINK("));

        java.time.Instant now = java.time.Instant.now();
        HttpResponse<String> review = auditor.get("/api/v1/admin/reviews/audit?from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(60));
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        JsonNode report = CanonicalJson.mapper().readTree(review.body());
        List<String> actions = new java.util.ArrayList<>();
        report.path("rows").forEach(row -> actions.add(row.path("action").asText()));
        assertThat(actions).contains("USER_CREATE", "USER_CHANGE", "PASSWORD_RESET", "PARTNER_CREATE", "PARTNER_KEY_ROTATE", "E_SIGNATURE")
                .doesNotContain("LOGIN", "RECEIVE", "ACCESS_DENIED");
        assertThat(report.path("counts").path("LOGIN SUCCESS").asLong()).isPositive();
        assertThat(report.path("counts").path("ACCESS_DENIED DENIED").asLong()).isPositive();
        assertThat(auditor.get("/api/v1/admin/reviews/audit?from=yesterday&to=today").statusCode()).isEqualTo(400);
        assertThat(new BrowserSession(base()).get("/api/v1/admin/reviews/access").statusCode()).isEqualTo(401);
        assertThat(auditActions("review", "access")).contains("REVIEW");
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers;

    @Test
    @Order(10)
    void everyApiHandlerDeclaresWhoMayCallIt() {
        List<String> undeclared = new java.util.ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            boolean api = mapping.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/api/"));
            if (api && method.getMethodAnnotation(io.cmohub.gateway.server.api.Authorised.class) == null) {
                undeclared.add(mapping.toString());
            }
        });
        assertThat(undeclared).as("/api handlers without @Authorised (they refuse everyone)").isEmpty();
    }

    /**
     * The running application's OpenAPI document equals the committed docs/openapi.json. After an intended API
     * change, rewrite the copy with {@code ./mvnw -pl gateway test -Dtest=PeopleOnH2Test -Dcmohub.openapi.write=true}.
     */
    @Test
    @Order(11)
    void theApiDocumentNamesWhoMayCallEachEndpointAndIsTheCommittedOne() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = CanonicalJson.mapper().readTree(response.body());
        document.path("paths").forEach(path -> path.forEach(operation -> {
            assertThat(operation.path("x-cmohub-access").path("rule").asText()).as(operation.path("operationId").asText()).isNotEmpty();
            assertThat(operation.path("description").asText()).contains("Who may call: ");
        }));
        assertThat(document.path("paths").path("/api/v1/cases/{caseId}/close").path("post").path("x-cmohub-access").path("personOnly").asBoolean())
                .isTrue();
        assertThat(document.path("components").path("securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("apiKey", "bearer", "session", "mutualTls");

        String actual = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(document, Object.class)) + "\n";
        Path committed = Path.of("..", "docs", "openapi.json");
        if (Boolean.getBoolean("cmohub.openapi.write")) {
            Files.writeString(committed, actual);
        }
        String expected = Files.exists(committed) ? Files.readString(committed) : "";
        if (!expected.equals(actual)) {
            Files.writeString(Path.of("target", "openapi.actual.json"), actual);
        }
        assertThat(actual).as("the running API differs from docs/openapi.json (the running one is in target/openapi.actual.json; after an"
                + " intended change, run with -Dcmohub.openapi.write=true)").isEqualTo(expected);
    }

    private HttpResponse<String> upload(String partner, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/partners/" + partner + "/documents?format=csv-batch-record"))
                .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString("product_code,batch_id,status,site_id,markets\n"
                        + "05012345678900,G1,RELEASED,GAMMA-1,DE\n")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> auditActions(String objectType, String objectId) throws Exception {
        List<String> actions = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("SELECT action FROM audit_event WHERE object_type = ? AND object_id = ? ORDER BY seq")) {
            s.setString(1, objectType);
            s.setString(2, objectId);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }
}
