package io.cmohub.connector;

/**
 * A connector turns one kind of partner export (a format) into canonical records. Implementations
 * are discovered with {@link java.util.ServiceLoader}: a class plus one line in
 * {@code META-INF/services/io.cmohub.connector.CmoConnector}.
 *
 * <p>A connector is configuration and a factory (like a Kafka Connect {@code Connector}); the
 * {@link DocumentParser} it opens does the I/O (like a {@code Task}). Connectors know the connector
 * API and the canonical model, nothing of Camel, Spring or the gateway.
 */
public interface CmoConnector {

    /** What this connector is and which configuration it takes, declared as data. */
    ConnectorDescriptor descriptor();

    /**
     * Opens a parser for the given configuration. The configuration has been checked against the
     * descriptor ({@link ConnectorConfig#of}); a connector reads only properties it declared.
     */
    DocumentParser open(ConnectorConfig config);
}
