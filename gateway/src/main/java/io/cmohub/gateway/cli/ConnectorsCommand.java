package io.cmohub.gateway.cli;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConfigProperty;
import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.ConnectorDescriptor;
import io.cmohub.model.codec.CanonicalJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cmohub connectors}: the formats this build can read, with their configuration, from the descriptors. */
@Command(name = "connectors", mixinStandardHelpOptions = true, description = "Lists the connectors (formats) on the classpath and their configuration properties.")
final class ConnectorsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print the descriptors as JSON, one per line.")
    boolean json;

    @CommandLine.Mixin
    CatalogOptions catalogOptions = new CatalogOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (CmoConnector connector : catalogOptions.catalog(spec.commandLine()).all()) {
            ConnectorDescriptor d = connector.descriptor();
            if (json) {
                out.println(CanonicalJson.mapper().writeValueAsString(d));
                continue;
            }
            out.printf("%s  %s%n    %s%n    media types: %s; produces: %s; default error policy: %s%n", d.id(), d.title(), d.description(),
                    String.join(", ", d.mediaTypes()), d.produces(), d.defaultErrorPolicy());
            for (ConfigProperty p : d.properties()) {
                out.printf("    -c %s=%s  (%s%s) %s%n", p.name(), p.defaultValue() == null ? "" : p.defaultValue(), p.type(),
                        p.required() ? ", required" : "", p.description());
            }
            out.println();
        }
        out.flush();
        return 0;
    }
}
