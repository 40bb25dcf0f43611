package io.cmohub.connector;

import java.util.List;
import java.util.Optional;

/**
 * Connectors whose set changes while the hub runs, e.g. mapping files administered through the gateway's
 * API and kept in its database. A {@link ConnectorCatalog} asks them on every lookup, after its fixed
 * connectors, so a mapping saved on one node is read by every node from the next document on.
 */
public interface LiveConnectors {
    LiveConnectors NONE = new LiveConnectors() {
        @Override
        public Optional<CmoConnector> find(String formatId) {
            return Optional.empty();
        }

        @Override
        public List<CmoConnector> all() {
            return List.of();
        }
    };

    Optional<CmoConnector> find(String formatId);

    List<CmoConnector> all();
}
