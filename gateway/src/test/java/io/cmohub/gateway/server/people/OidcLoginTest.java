package io.cmohub.gateway.server.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.testidp.TestIdentityProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real OpenID Connect provider (Spring Authorization Server, started by the test): the
 * authorization-code flow in a browser session, bearer JWTs for API calls, roles and partner from the
 * configured claims, the provider unable to take over a local account, and the hub able to disable a
 * provider's person on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OidcLoginTest {
    static final Path DATA_DIR = PeopleTest.newDataDir();
    static ConfigurableApplicationContext idp;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        idp = TestIdentityProvider.start();
        String issuer = TestIdentityProvider.issuer(idp);
        PeopleTest.gatewayProperties(registry, DATA_DIR);
        registry.add("spring.security.oauth2.client.registration.sso.client-id", () -> TestIdentityProvider.GATEWAY_CLIENT);
        registry.add("spring.security.oauth2.client.registration.sso.client-secret", () -> TestIdentityProvider.GATEWAY_SECRET);
        registry.add("spring.security.oauth2.client.registration.sso.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIdentityProvider.CLI_CLIENT);
        registry.add("cmohub.people.oidc.role-mapping.cmohub-serialization-ops", () -> "SERIALIZATION_OPS");
        registry.add("cmohub.people.oidc.signature-max-age", () -> "3s");
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The browser goes to the gateway's sign-in link, logs in at the provider and comes back with a session. */
    private HttpResponse<String> signIn(BrowserSession browser, String username) throws Exception {
        HttpResponse<String> providerLogin = browser.followRedirects(browser.get("/oauth2/authorization/sso"), null);
        assertThat(providerLogin.uri().toString()).startsWith(TestIdentityProvider.issuer(idp) + "/login");
        return browser.followRedirects(browser.submitLogin(providerLogin, username, TestIdentityProvider.PASSWORD), null);
    }

    @Test
    @Order(1)
    void aPersonSignsInThroughTheProviderWithTheRolesOfItsClaims() throws Exception {
        BrowserSession browser = new BrowserSession(base());
        assertThat(browser.get("/login").body()).as("the login page offers the provider").contains("/oauth2/authorization/sso");
        HttpResponse<String> landed = signIn(browser, "olivia.ops");
        assertThat(landed.uri().getPath()).as(String.join("\n", browser.trail()) + "\n" + landed.body().replaceAll("(?s).*<div class=\"alert[^>]*>([^<]*)<.*", "$1"))
                .as("a sponsor person lands on the console's cases board").isEqualTo("/console/cases");
        assertThat(landed.body()).contains("Olivia Ops");
        JsonNode me = browser.me();
        assertThat(me.path("kind").asText()).isEqualTo("PERSON");
        assertThat(me.path("username").asText()).isEqualTo("olivia.ops");
        assertThat(me.path("displayName").asText()).isEqualTo("Olivia Ops");
        assertThat(me.path("roles").toString()).isEqualTo("[\"SERIALIZATION_OPS\"]");
        assertThat(me.path("authenticatedBy").asText()).isEqualTo("oidc");
        assertThat(browser.get("/api/v1/cases").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/v1/admin/users").statusCode()).isEqualTo(403);

        JsonNode review = CanonicalJson.mapper().readTree(admin("GET", "/api/v1/admin/users", null).body());
        JsonNode olivia = null;
        for (JsonNode account : review) {
            if (account.path("username").asText().equals("olivia.ops")) {
                olivia = account;
            }
        }
        assertThat(olivia).as("recorded for the access review: " + review).isNotNull();
        assertThat(olivia.path("source").asText()).isEqualTo("OIDC");
        assertThat(olivia.path("lastLoginAt").isMissingNode()).isFalse();
    }

    @Test
    @Order(2)
    void aBearerTokenOfTheProviderAuthenticatesApiCallsWithThePartnerOfItsClaims() throws Exception {
        String token = accessToken("lena.liaison");
        JsonNode me = CanonicalJson.mapper().readTree(bearer(token, "/api/v1/me").body());
        assertThat(me.path("roles").toString()).isEqualTo("[\"LIAISON\"]");
        assertThat(me.path("partner").asText()).isEqualTo("acme-cmo");
        assertThat(me.path("authenticatedBy").asText()).isEqualTo("oidc-token");
        assertThat(bearer(token, "/api/v1/partners/acme-cmo/evidence-requests").statusCode()).isEqualTo(200);
        assertThat(bearer(token, "/api/v1/partners/beta-cmo/evidence-requests").statusCode()).isEqualTo(403);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("acme-cmo", "beta-cmo").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(bearer(forged, "/api/v1/me").statusCode()).as("a token with altered claims").isEqualTo(401);
    }

    @Test
    @Order(3)
    void theProviderCannotSignInAsALocalAccount() throws Exception {
        BrowserSession browser = new BrowserSession(base());
        HttpResponse<String> landed = signIn(browser, "cmohub-admin");
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void aProvidersPersonSignsWithAFreshSignInNotWithAPassword() throws Exception {
        BrowserSession browser = new BrowserSession(base());
        signIn(browser, "olivia.ops");
        browser.me();
        Map<String, String> signature = Map.of("recordType", "case", "recordId", "case-oidc", "meaning", "CLOSED_WITH_ROOT_CAUSE");
        HttpResponse<String> fresh = browser.send("POST", "/api/v1/signatures", signature);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
        assertThat(CanonicalJson.mapper().readTree(fresh.body()).path("printedName").asText()).isEqualTo("Olivia Ops");

        Thread.sleep(3500); // past cmohub.people.oidc.signature-max-age (3 s here)
        HttpResponse<String> stale = browser.send("POST", "/api/v1/signatures", signature);
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("sign in again").contains("reauthenticate=true");

        // the gateway asks the provider to authenticate again (prompt=login); this test provider ignores prompt, so its session is ended
        browser.forgetCookie("IDP_SESSION");
        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/sso?reauthenticate=true");
        assertThat(toProvider.headers().firstValue("Location").orElseThrow()).contains("prompt=login").contains("max_age=0");
        HttpResponse<String> providerLogin = browser.followRedirects(toProvider, null);
        browser.followRedirects(browser.submitLogin(providerLogin, "olivia.ops", TestIdentityProvider.PASSWORD), null);
        browser.me();
        HttpResponse<String> again = browser.send("POST", "/api/v1/signatures", signature);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }

    @Test
    @Order(5)
    void theHubDisablesAProvidersPersonWithoutWaitingForTheProvider() throws Exception {
        BrowserSession browser = new BrowserSession(base());
        signIn(browser, "olivia.ops");
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
        HttpResponse<String> disabled = admin("PATCH", "/api/v1/admin/users/olivia.ops", "{\"enabled\": false, \"reason\": \"moved to another site\"}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    /** The authorization-code flow of the provider's second client, as a command-line tool does it, and the access token it gets. */
    private String accessToken(String username) throws Exception {
        String issuer = TestIdentityProvider.issuer(idp);
        BrowserSession browser = new BrowserSession(issuer);
        String redirect = "http://127.0.0.1/callback";
        HttpResponse<String> login = browser.followRedirects(browser.get("/oauth2/authorize?response_type=code&client_id="
                + TestIdentityProvider.CLI_CLIENT + "&scope=openid%20profile&state=s1&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)), null);
        HttpResponse<String> callback = browser.followRedirects(browser.submitLogin(login, username, TestIdentityProvider.PASSWORD), redirect);
        String location = callback.headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestIdentityProvider.CLI_CLIENT + ":"
                        + TestIdentityProvider.CLI_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri="
                        + URLEncoder.encode(redirect, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return CanonicalJson.mapper().readTree(token.body()).path("access_token").asText();
    }

    private HttpResponse<String> bearer(String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).header("X-Api-Key", PeopleTest.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
