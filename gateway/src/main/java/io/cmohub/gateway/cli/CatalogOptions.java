package io.cmohub.gateway.cli;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.mapping.ExtraMappings;
import io.cmohub.connector.mapping.definition.InvalidMappingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where the CLI finds connectors: the classpath, plus mapping files or folders given with {@code --mapping}. */
final class CatalogOptions {
    @Option(names = {"-m", "--mapping"}, paramLabel = "FILE|DIR",
            description = "A mapping file (YAML) or a folder of them; its mappings become formats, addressable by their id. Repeatable.")
    List<Path> mappings = new ArrayList<>();

    ConnectorCatalog catalog(CommandLine commandLine) {
        ConnectorCatalog catalog = ConnectorCatalog.load(CatalogOptions.class.getClassLoader());
        try {
            return catalog.plus(ExtraMappings.load(mappings, CatalogOptions.class.getClassLoader()));
        } catch (InvalidMappingException | IllegalStateException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, "mapping could not be read: " + e);
        }
    }
}
