package io.cmohub.gateway.cli;

import io.cmohub.gateway.bench.IngestBenchmark;
import io.cmohub.model.codec.CanonicalJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cmohub benchmark}: end-to-end ingestion throughput and latency of a local gateway (docs/benchmarks.md). */
@Command(name = "benchmark", mixinStandardHelpOptions = true, subcommands = {EpcisBenchmarkCommand.class, ConsoleBenchmarkCommand.class, AlertsUnderBulkBenchmarkCommand.class,
        PackStatesBenchmarkCommand.class},
        description = {"Starts a gateway with embedded defaults in a temporary data directory, posts synthetic batch-record CSV",
                "documents over HTTP and waits for their canonical events on the topic. Prints one JSON result line."})
final class BenchmarkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--records", defaultValue = "100000", description = "Records in all (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--records-per-document", defaultValue = "1000", description = "Records per posted document (default: ${DEFAULT-VALUE}).")
    int recordsPerDocument;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--warmup-records", defaultValue = "20000",
            description = "Records posted and awaited first, untimed, so the figure is the warm gateway's (default: ${DEFAULT-VALUE}; 0: none).")
    int warmupRecords;

    @Option(names = "--data-dir", description = "Data directory (default: a new temporary one).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        IngestBenchmark.Result result = IngestBenchmark.run(records, recordsPerDocument, clients, warmupRecords,
                dataDir != null ? dataDir : IngestBenchmark.temporaryDataDir());
        spec.commandLine().getOut().println(CanonicalJson.mapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
