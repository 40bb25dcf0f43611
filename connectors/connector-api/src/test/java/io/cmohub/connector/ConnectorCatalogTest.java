package io.cmohub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ConnectorCatalogTest {
    private static CmoConnector connector(String id, String title) {
        ConnectorDescriptor descriptor = new ConnectorDescriptor(id, title, "", List.of("text/csv"), Set.of(), List.of(), ErrorPolicy.values()[0]);
        return new CmoConnector() {
            @Override
            public ConnectorDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public DocumentParser open(ConnectorConfig config) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A live source whose set the test changes while the catalogue is in use. */
    private static final class Changing implements LiveConnectors {
        final Map<String, CmoConnector> now = new ConcurrentHashMap<>();

        @Override
        public Optional<CmoConnector> find(String formatId) {
            return Optional.ofNullable(now.get(formatId));
        }

        @Override
        public List<CmoConnector> all() {
            return List.copyOf(now.values());
        }
    }

    @Test
    void liveConnectorsAreFoundFromTheirFirstDayAndAFixedIdAlwaysWins() {
        Changing live = new Changing();
        ConnectorCatalog catalog = ConnectorCatalog.of(List.of(connector("csv-a", "fixed"))).withLive(live);
        assertThat(catalog.find("acme-batch")).isEmpty();

        live.now.put("acme-batch", connector("acme-batch", "live"));
        live.now.put("csv-a", connector("csv-a", "a live one shadowing a fixed id"));
        assertThat(catalog.find("acme-batch")).get().extracting(c -> c.descriptor().title()).isEqualTo("live");
        assertThat(catalog.find("csv-a")).get().extracting(c -> c.descriptor().title()).isEqualTo("fixed");
        assertThat(catalog.findFixed("acme-batch")).isEmpty();
        assertThat(catalog.formatIds()).containsExactly("csv-a", "acme-batch");
        assertThat(catalog.plus(List.of(connector("csv-b", "more"))).find("acme-batch")).as("plus keeps the live source").isPresent();
    }

    @Test
    void twoFixedConnectorsWithOneIdAreRefused() {
        assertThatThrownBy(() -> ConnectorCatalog.of(List.of(connector("x", "1"), connector("x", "2"))))
                .hasMessageContaining("two connectors declare format id 'x'");
    }
}
