package io.cmohub.coordination.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cmohub.model.AlertSource;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.InvestigationStatus;
import io.cmohub.model.OrganisationInvestigation;
import io.cmohub.model.OrganisationType;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.routes.store.Sha256;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the alert-notice JSON contract ({@code schemas/alerts/v1/alert-notice.schema.json}): the
 * body of {@code POST /api/v1/alerts} and of a JSON alert mail. Validated against the schema first,
 * so the reason a sender gets names the contract's rule.
 */
public final class AlertNoticeJson {
    public static final String SCHEMA = "classpath:schemas/alerts/v1/alert-notice.schema.json";
    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final JsonSchema SCHEMA_CHECK = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SCHEMA), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private AlertNoticeJson() {
    }

    public static AlertNotice read(byte[] raw, AlertSource channel) throws MalformedAlertException {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new MalformedAlertException("the body is not JSON: " + firstLine(e.getMessage()), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedAlertException("the body is empty");
        }
        List<String> violations = SCHEMA_CHECK.validate(node).stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
        if (!violations.isEmpty()) {
            throw new MalformedAlertException("the alert notice breaks the contract alert-notice.schema.json: " + String.join("; ", violations));
        }
        JsonNode scanned = node.path("scanned");
        List<OrganisationInvestigation> investigations = new ArrayList<>();
        for (JsonNode i : node.path("investigations")) {
            investigations.add(new OrganisationInvestigation(OrganisationType.valueOf(i.path("organisation").asText()),
                    InvestigationStatus.valueOf(i.path("status").asText())));
        }
        return new AlertNotice(channel, text(node, "alertId"), text(node, "code"), text(node, "nmvsReturnCode"), text(node, "market"),
                instant(text(node, "raisedAt")),
                scanned.isMissingNode() ? null : new ScannedIdentifiers(text(scanned, "productCode"), text(scanned, "productCodeScheme"),
                        text(scanned, "serial"), text(scanned, "batchId"), text(scanned, "expiry")),
                text(node, "message"), text(node, "endUserLocation"),
                node.hasNonNull("eamsStatus") ? EamsStatus.valueOf(node.get("eamsStatus").asText()) : null,
                investigations, text(node, "uploadRef"), text(node, "field"), sha256(raw));
    }

    /** SHA-256 of the bytes as received, lower-case hex. */
    public static String sha256(byte[] raw) {
        return java.util.HexFormat.of().formatHex(Sha256.newDigest().digest(raw));
    }

    /** An RFC 3339 timestamp with an offset; one without an offset is refused, not guessed. */
    public static Instant instant(String value) throws MalformedAlertException {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MalformedAlertException("timestamp '" + value + "' is not an RFC 3339 date-time with an offset (e.g. 2025-03-01T10:15:30Z)");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
