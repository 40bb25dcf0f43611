package io.cmohub.connector.mapping;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorProvider;
import java.util.List;

/** Offers every mapping shipped on the classpath as a connector of its own (see {@link Mappings#INDEX}). */
public final class MappingConnectorProvider implements ConnectorProvider {
    @Override
    public List<CmoConnector> connectors(ClassLoader classLoader) {
        return Mappings.onClasspath(classLoader);
    }
}
