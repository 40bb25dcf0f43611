package io.cmohub.gateway.cli;

import io.cmohub.gateway.bench.AlertsUnderBulkBenchmark;
import io.cmohub.gateway.bench.IngestBenchmark;
import io.cmohub.model.codec.CanonicalJson;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cmohub benchmark alerts-under-bulk}: alerts while a million-serial EPCIS upload is processed and registered (docs/benchmarks.md). */
@Command(name = "alerts-under-bulk", mixinStandardHelpOptions = true,
        description = {"Starts a gateway with embedded defaults in a temporary data directory, posts one EPCIS 1.2 file as a CMO and EU Hub",
                "alert call-backs at a steady rate while it is processed and registered. Prints one JSON result line."})
final class AlertsUnderBulkBenchmarkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sgtins", defaultValue = "1000000", description = "SGTINs in the EPCIS file (default: ${DEFAULT-VALUE}).")
    long sgtins;

    @Option(names = "--alert-interval-ms", defaultValue = "500", description = "Milliseconds between alerts (default: ${DEFAULT-VALUE}).")
    long alertInterval;

    @Option(names = "--postgres-url", defaultValue = "${env:CMOHUB_TEST_POSTGRES_URL}",
            description = {"Run on PostgreSQL instead of the embedded H2 file database: a JDBC URL with user, e.g.",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres; the run gets a fresh schema, dropped afterwards",
                    "(default: $CMOHUB_TEST_POSTGRES_URL, else H2)."})
    String postgresUrl;

    @Override
    public Integer call() throws Exception {
        String postgres = postgresUrl == null || postgresUrl.isBlank() ? null : postgresUrl;
        AlertsUnderBulkBenchmark.Result result = AlertsUnderBulkBenchmark.run(sgtins, alertInterval, IngestBenchmark.temporaryDataDir(), postgres);
        spec.commandLine().getOut().println(CanonicalJson.mapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
