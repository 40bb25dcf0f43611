package io.cmohub.coordination.alert.eams;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cmohub.model.AlertSource;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.InvestigationStatus;
import io.cmohub.model.OrganisationInvestigation;
import io.cmohub.model.OrganisationType;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.coordination.alert.AlertNotice;
import io.cmohub.coordination.alert.AlertNoticeJson;
import io.cmohub.coordination.alert.MalformedAlertException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The EAMS REST/JSON contract as cmo-hub assumes it ({@code schemas/eams/v1/eams-alerts-api.yaml}):
 * list alerts modified in a window page by page, write an alert's status (with its reason) and an
 * organisation's investigation status back. Plain {@link HttpClient}: no Camel, no Spring.
 */
public final class EamsClient {
    /** EMVO's AMS allows a free-text comment of at most 500 characters (domain-emvs §4). */
    public static final int MAX_COMMENT = 500;
    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private final EamsSettings settings;
    private final HttpClient http;

    public EamsClient(EamsSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public EamsSettings settings() {
        return settings;
    }

    /** One page of alerts with lastModified in [from, to). */
    public EamsPage alerts(Instant from, Instant to, String pageToken) {
        String query = "modifiedFrom=" + encode(from.toString()) + "&modifiedTo=" + encode(to.toString()) + "&pageSize=" + settings.pageSize()
                + (pageToken == null ? "" : "&pageToken=" + encode(pageToken));
        HttpResponse<String> response = send(request("/alerts?" + query).GET().build(), "list alerts");
        if (response.statusCode() != 200) {
            throw failure("list alerts", response);
        }
        try {
            JsonNode page = JSON.readTree(response.body());
            JsonNode alerts = page.get("alerts");
            if (alerts == null || !alerts.isArray()) {
                throw new EamsException("EAMS list alerts answered without an 'alerts' array", 200, null);
            }
            List<String> items = new ArrayList<>();
            for (JsonNode alert : alerts) {
                items.add(JSON.writeValueAsString(alert));
            }
            JsonNode next = page.get("nextPageToken");
            return new EamsPage(items, next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText());
        } catch (JacksonException e) {
            throw new EamsException("EAMS list alerts answered something that is not the contract's JSON: " + e.getOriginalMessage(), 200, e);
        }
    }

    /**
     * Changes the alert status. EMVO's AMS wants a reason for every status but UNDER_INVESTIGATION,
     * and allows at most 500 characters of comment: both are checked here, before the call.
     */
    public void setStatus(String alertId, EamsStatus status, String reason, String comment) {
        if (status != EamsStatus.UNDER_INVESTIGATION && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("changing an EAMS alert to " + status + " needs a reason");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("the EAMS comment has " + comment.length() + " characters; at most " + MAX_COMMENT + " are allowed");
        }
        ObjectNode body = JSON.createObjectNode().put("status", status.name());
        if (reason != null) {
            body.put("reason", reason);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        put("/alerts/" + encode(alertId) + "/status", body, "set the status of alert " + alertId);
    }

    public void setInvestigation(String alertId, OrganisationType organisation, InvestigationStatus status) {
        put("/alerts/" + encode(alertId) + "/investigations/" + organisation.name(), JSON.createObjectNode().put("status", status.name()),
                "set the " + organisation + " investigation of alert " + alertId);
    }

    /** One EAMS alert of a page as a notice; the model's rules are applied later by the intake. */
    public static AlertNotice notice(String alertJson) throws MalformedAlertException {
        JsonNode node;
        try {
            node = JSON.readTree(alertJson);
        } catch (JacksonException e) {
            throw new MalformedAlertException("an EAMS alert is not JSON: " + e.getOriginalMessage(), e);
        }
        String alertId = text(node, "alertId");
        String code = text(node, "code");
        String raisedAt = text(node, "raisedAt");
        String status = text(node, "status");
        if (alertId == null || code == null || raisedAt == null || status == null) {
            throw new MalformedAlertException("an EAMS alert lacks one of the required fields alertId, code, raisedAt, status");
        }
        try {
            List<OrganisationInvestigation> investigations = new ArrayList<>();
            for (JsonNode i : node.path("investigations")) {
                investigations.add(new OrganisationInvestigation(OrganisationType.valueOf(text(i, "organisation")), InvestigationStatus.valueOf(text(i, "status"))));
            }
            JsonNode scanned = node.get("scanned");
            return new AlertNotice(AlertSource.EAMS, alertId, code, text(node, "nmvsReturnCode"), text(node, "market"), AlertNoticeJson.instant(raisedAt),
                    scanned == null || scanned.isNull() ? null : new ScannedIdentifiers(text(scanned, "productCode"), text(scanned, "productCodeScheme"),
                            text(scanned, "serial"), text(scanned, "batchId"), text(scanned, "expiry")),
                    text(node, "message"), text(node, "endUserLocation"), EamsStatus.valueOf(status), investigations, text(node, "uploadRef"),
                    text(node, "field"), AlertNoticeJson.sha256(alertJson.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedAlertException("an EAMS alert has a value outside the contract: " + e.getMessage(), e);
        }
    }

    private void put(String path, JsonNode body, String what) {
        HttpResponse<String> response;
        try {
            response = send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), what);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure(what, response);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        if (settings.bearerToken() != null && !settings.bearerToken().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EamsException("EAMS " + what + " failed: " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EamsException("EAMS " + what + " was interrupted", 0, e);
        }
    }

    private static EamsException failure(String what, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new EamsException("EAMS " + what + " answered HTTP " + response.statusCode() + ": "
                + io.cmohub.routes.store.StoredText.identifier(body, 300), response.statusCode(), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
