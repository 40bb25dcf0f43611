package io.cmohub.connector.canonicaljson;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConnectorDescriptor;
import io.cmohub.connector.DocumentParser;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.model.EntityType;
import java.util.EnumSet;
import java.util.List;

/**
 * Format {@code canonical-json}: documents already in the hub's canonical model, as CloudEvents 1.0
 * JSON (what {@code cmohub convert} prints). Accepts NDJSON, a JSON array of events, or one event.
 */
public final class CanonicalJsonConnector implements CmoConnector {
    public static final String ID = "canonical-json";
    static final String CHECK_PARTNER = "check-partner";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(
            ID,
            "Canonical CloudEvents JSON",
            "Records in the cmo-hub canonical model v1, each wrapped in a CloudEvents 1.0 JSON envelope: newline-delimited, "
                    + "a JSON array, or a single event. Every event's data is validated by the model's rules. Event ids are always "
                    + "derived by the hub from the content, so an id sent by the partner is not trusted.",
            List.of("application/cloudevents+json", "application/cloudevents-batch+json", "application/x-ndjson", "application/json"),
            EnumSet.allOf(EntityType.class),
            List.of(ConfigProperty.optional(CHECK_PARTNER, "Partner check",
                    "When true, an event whose partner attribute or data partner names another partner than the sender is rejected. "
                            + "Only an offline tool converting a sponsor-side file would turn this off.",
                    ConfigProperty.Type.BOOLEAN, "true")),
            ErrorPolicy.ACCEPT_VALID);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public DocumentParser open(ConnectorConfig config) {
        return new CanonicalJsonParser(config.bool(CHECK_PARTNER));
    }
}
