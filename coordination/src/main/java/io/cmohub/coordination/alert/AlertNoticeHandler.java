package io.cmohub.coordination.alert;

import io.cmohub.model.AlertSource;
import io.cmohub.routes.templates.AlertDocumentHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The hub's handler behind the {@code cmohub-alert-intake} route template: each message is an alert
 * notice in the published JSON format ({@code schemas/alerts/v1/alert-notice.schema.json}), filed
 * through the {@link AlertIntake} (deduplicated across channels, published once). A notice that is
 * not one is kept in quarantine with its bytes and the reason, and the route goes on; a failure of
 * the hub itself (database, broker) propagates so the source endpoint redelivers.
 */
public final class AlertNoticeHandler implements AlertDocumentHandler {
    private final AlertIntake intake;
    private final AlertQuarantine quarantine;
    private final int maxBytes;

    public AlertNoticeHandler(AlertIntake intake, AlertQuarantine quarantine, int maxBytes) {
        this.intake = intake;
        this.quarantine = quarantine;
        this.maxBytes = maxBytes;
    }

    /** @return the alert id, or {@code quarantined:<document id>} for a notice that was refused */
    @Override
    public String receive(String source, InputStream content, Map<String, Object> headers) throws IOException {
        byte[] raw = content.readNBytes(maxBytes + 1);
        AlertSource channel = channel(source);
        if (raw.length > maxBytes) {
            return "quarantined:" + quarantine.quarantine(java.util.Arrays.copyOf(raw, maxBytes), "alert-notice-json", source, null,
                    "the alert notice is larger than " + maxBytes + " bytes");
        }
        try {
            return intake.receive(AlertNoticeJson.read(raw, channel)).alertId();
        } catch (MalformedAlertException e) {
            return "quarantined:" + quarantine.quarantine(raw, "alert-notice-json", source, null, e.getMessage());
        }
    }

    /** The template's {@code source} parameter as a channel: hub, eams, email; anything else is a national system. */
    static AlertSource channel(String source) {
        return switch (source == null ? "" : source.toLowerCase(Locale.ROOT)) {
            case "hub", "eu-hub" -> AlertSource.HUB;
            case "eams" -> AlertSource.EAMS;
            case "email", "mail" -> AlertSource.EMAIL;
            default -> AlertSource.NATIONAL;
        };
    }
}
