package io.cmohub.connector;

import java.util.List;

/**
 * A source of connectors that are data rather than classes: the declarative mapping module
 * provides one connector per mapping file it finds. Discovered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.cmohub.connector.ConnectorProvider}) next to plain
 * {@link CmoConnector} registrations.
 */
public interface ConnectorProvider {

    /**
     * The connectors this provider offers on {@code classLoader}'s classpath. A provider whose data is
     * broken throws with a message that names the file and line: a hub must not start with a
     * connector silently missing.
     */
    List<CmoConnector> connectors(ClassLoader classLoader);
}
