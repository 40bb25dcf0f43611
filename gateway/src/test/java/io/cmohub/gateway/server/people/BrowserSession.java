package io.cmohub.gateway.server.people;

import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.model.codec.CanonicalJson;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person's browser holds against the gateway: its cookies (the login session) and the CSRF token
 * the gateway hands out, used the way a browser uses them — the login form at {@code /login}, then JSON
 * calls carrying the session cookie and the token. No credential header is ever sent.
 */
public final class BrowserSession {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String csrfHeader = "X-CSRF-TOKEN";
    private String csrfToken;
    private final java.util.List<String> trail = new java.util.ArrayList<>();

    public BrowserSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Fills in and posts the login form; the response is the form post's (302 to where the gateway sends the person). */
    public HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        Matcher field = CSRF_FIELD.matcher(page.body());
        if (!field.find()) {
            throw new IllegalStateException("no CSRF field on the login page: " + page.body());
        }
        return form("/login", Map.of("username", username, "password", password, "_csrf", field.group(1)));
    }

    /** Logs in and reads {@code /api/v1/me} (which also hands out the CSRF token for later changes). */
    public JsonNode loginAndReadMe(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = login(username, password);
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " refused: " + login.statusCode() + " " + location);
        }
        return me();
    }

    public JsonNode me() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/me");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/me: " + response.statusCode() + " " + response.body());
        }
        JsonNode me = CanonicalJson.mapper().readTree(response.body());
        if (me.has("csrf")) {
            csrfHeader = me.get("csrf").get("headerName").asText();
            csrfToken = me.get("csrf").get("token").asText();
        }
        return me;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with extra headers (e.g. htmx's {@code HX-Request}). */
    public HttpResponse<String> getWith(String path, java.util.Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON call as the browser's script makes it: session cookie and, unless {@code withCsrf} is false, the CSRF header. */
    public HttpResponse<String> send(String method, String path, Object body, boolean withCsrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(CanonicalJson.mapper().writeValueAsString(body)));
        if (withCsrf && csrfToken != null) {
            request.header(csrfHeader, csrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, body, true);
    }

    /** A text body (e.g. a mapping file) with the CSRF header and the extra {@code headers}. */
    public HttpResponse<String> sendText(String method, String path, String text, java.util.Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/yaml")
                .method(method, HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(request::header);
        if (csrfToken != null) {
            request.header(csrfHeader, csrfToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows redirects (also to other servers, such as the identity provider) until a page answers or a Location starts with {@code stopAt}. */
    public HttpResponse<String> followRedirects(HttpResponse<String> response, String stopAt) throws IOException, InterruptedException {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            if (stopAt != null && next.toString().startsWith(stopAt)) {
                return response;
            }
            response = http.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            trail.add(response.statusCode() + " " + next);
        }
        return response;
    }

    /** Forgets a cookie, as a browser does when that site's session has ended. */
    public void forgetCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name)).toList()
                .forEach(cookie -> cookies.getCookieStore().getURIs().forEach(uri -> cookies.getCookieStore().remove(uri, cookie)));
    }

    /** The requests redirects led to, with their status: for assertion messages. */
    public java.util.List<String> trail() {
        return java.util.List.copyOf(trail);
    }

    /** Fills in the login form of {@code page} (this gateway's or the identity provider's) and posts it where the page came from. */
    public HttpResponse<String> submitLogin(HttpResponse<String> page, String username, String password) throws IOException, InterruptedException {
        Matcher field = CSRF_FIELD.matcher(page.body());
        if (!field.find()) {
            throw new IllegalStateException("no login form at " + page.uri() + ": " + page.statusCode() + " " + page.body());
        }
        return form(page.uri().toString(), Map.of("username", username, "password", password, "_csrf", field.group(1)));
    }

    private HttpResponse<String> form(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI target = path.startsWith("http") ? URI.create(path) : URI.create(base + path);
        return http.send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
