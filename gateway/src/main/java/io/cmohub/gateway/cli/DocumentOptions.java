package io.cmohub.gateway.cli;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.ErrorPolicy;
import io.cmohub.connector.InvalidConfigException;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by the commands that read documents: which connector, as which partner, with what configuration. */
final class DocumentOptions {
    @Option(names = {"-f", "--format"}, required = true, paramLabel = "ID", description = "Format id of the connector to read with (see 'cmohub connectors').")
    String format;

    @Option(names = {"-p", "--partner"}, defaultValue = "local", paramLabel = "PARTNER",
            description = "Partner the documents come from, as the gateway would authenticate it (default: ${DEFAULT-VALUE}).")
    String partner;

    @Option(names = {"-c", "--config"}, paramLabel = "KEY=VALUE", description = "Connector configuration, repeatable, e.g. -c delimiter=';'.")
    Map<String, String> config = new LinkedHashMap<>();

    @Option(names = "--error-policy", paramLabel = "POLICY",
            description = "REJECT_DOCUMENT or ACCEPT_VALID; default: the connector's own.")
    ErrorPolicy errorPolicy;

    @Option(names = "--progress", negatable = true, description = "Show progress on standard error (bytes, records, rate, time left). "
            + "Default: for files of 50 MB or more when standard error is a terminal.")
    Boolean progress;

    @picocli.CommandLine.Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    /** Resolves the connector and its configuration, or throws a usage error naming what is wrong. */
    DocumentRun run(CommandLine commandLine) {
        ConnectorCatalog catalog = catalogOptions.catalog(commandLine);
        CmoConnector connector = catalog.find(format).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                "unknown format '" + format + "'; available: " + String.join(", ", catalog.formatIds())));
        try {
            ConnectorConfig connectorConfig = ConnectorConfig.of(connector.descriptor(), config);
            ErrorPolicy policy = errorPolicy != null ? errorPolicy : connector.descriptor().defaultErrorPolicy();
            return new DocumentRun(format, connector.open(connectorConfig), policy);
        } catch (InvalidConfigException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    PartnerId partnerId(CommandLine commandLine) {
        try {
            return PartnerId.of(partner);
        } catch (InvalidValueException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    static DocumentContext context(PartnerId partner, Path file) {
        Instant received;
        try {
            // The file's own time, not "now", so that converting the same file twice gives the same output.
            received = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            received = Instant.EPOCH;
        }
        return new DocumentContext(partner, file.toString(), received);
    }
}
