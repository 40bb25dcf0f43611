package io.cmohub.gateway.server.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.model.codec.CanonicalJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A local person for end-to-end tests, made the way an administrator makes one (admin API, then the
 * person's own first login and password change), with the signatures they make by re-entering it.
 */
public final class SigningPerson {
    private final BrowserSession browser;
    private final String password;

    private SigningPerson(BrowserSession browser, String password) {
        this.browser = browser;
        this.password = password;
    }

    /** Creates the account with the admin key, logs in with the initial password and replaces it. */
    public static SigningPerson create(String base, String adminKey, String username, String displayName, String role) throws Exception {
        String initial = "initial-Pass-" + username.length() + "x1";
        String own = "own-Pass-" + Integer.toHexString(username.hashCode()) + "-9";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/users"))
                .header("X-Api-Key", adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.mapper().writeValueAsString(Map.of("username", username,
                        "displayName", displayName, "roles", List.of(role), "password", initial)))).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create " + username + ": " + created.body());
        }
        BrowserSession browser = new BrowserSession(base);
        browser.loginAndReadMe(username, initial);
        HttpResponse<String> changed = browser.send("POST", "/api/v1/me/password", Map.of("currentPassword", initial, "newPassword", own));
        if (changed.statusCode() != 204) {
            throw new IllegalStateException("could not change the password of " + username + ": " + changed.body());
        }
        return new SigningPerson(browser, own);
    }

    public BrowserSession browser() {
        return browser;
    }

    public String password() {
        return password;
    }

    /** A fresh signature for one record and meaning; its id. */
    public String sign(String recordType, String recordId, String meaning) throws Exception {
        HttpResponse<String> signing = browser.send("POST", "/api/v1/signatures", Map.of("recordType", recordType, "recordId", recordId,
                "meaning", meaning, "password", password));
        if (signing.statusCode() != 201) {
            throw new IllegalStateException("signing " + recordType + " " + recordId + " refused: " + signing.body());
        }
        return CanonicalJson.mapper().readTree(signing.body()).path("signatureId").asText();
    }

    /** {@code json} with the id of a fresh signature added as {@code signatureId}. */
    public JsonNode signed(String json, String recordType, String recordId, String meaning) throws Exception {
        ObjectNode body = (ObjectNode) CanonicalJson.mapper().readTree(json);
        body.put("signatureId", sign(recordType, recordId, meaning));
        return body;
    }
}
