package io.cmohub.gateway.cli;

import io.cmohub.gateway.bench.ConsoleBenchmark;
import io.cmohub.gateway.bench.IngestBenchmark;
import io.cmohub.model.codec.CanonicalJson;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cmohub benchmark console}: answer times of the console's pages with many cases and documents (docs/benchmarks.md). */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Starts a gateway with embedded defaults in a temporary data directory, writes synthetic cases and documents into it,",
                "logs a QA person in and times each console page. Prints one JSON result line."})
final class ConsoleBenchmarkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cases", defaultValue = "10000", description = "Investigation cases (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--documents", defaultValue = "1000", description = "Documents (default: ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--requests", defaultValue = "30", description = "Timed requests per page (default: ${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() throws Exception {
        ConsoleBenchmark.Result result = ConsoleBenchmark.run(cases, documents, requests, IngestBenchmark.temporaryDataDir());
        spec.commandLine().getOut().println(CanonicalJson.mapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
