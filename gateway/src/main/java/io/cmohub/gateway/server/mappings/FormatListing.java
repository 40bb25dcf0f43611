package io.cmohub.gateway.server.mappings;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.mapping.MappingConnector;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every format the hub reads and where it comes from, for the admin API and the console's mappings page. */
public final class FormatListing {
    /**
     * @param source  {@code connector} (a class on the classpath), {@code mapping file} (classpath or {@code cmohub.mappings}), or {@code api}
     * @param version the saved version in use, for a mapping saved through the API; else null
     */
    public record Format(String formatId, String title, String source, Integer version, Instant savedAt, String savedBy) {
    }

    private FormatListing() {
    }

    public static List<Format> of(ConnectorCatalog connectors, JdbcMappings mappings) {
        Map<String, StoredMapping> saved = new LinkedHashMap<>();
        mappings.current().forEach(m -> saved.put(m.formatId(), m));
        return connectors.all().stream().map(connector -> {
            String id = connector.descriptor().id();
            StoredMapping stored = connectors.findFixed(id).isPresent() ? null : saved.get(id);
            return stored != null ? new Format(id, connector.descriptor().title(), "api", stored.version(), stored.savedAt(), stored.savedBy())
                    : new Format(id, connector.descriptor().title(), connector instanceof MappingConnector ? "mapping file" : "connector", null, null, null);
        }).toList();
    }
}
