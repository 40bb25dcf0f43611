package io.cmohub.gateway.cli;

import io.cmohub.gateway.bench.IngestBenchmark;
import io.cmohub.gateway.bench.PackStateBenchmark;
import io.cmohub.model.codec.CanonicalJson;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cmohub benchmark pack-states}: packs per second of one EU Hub pack-state query against the simulator (docs/benchmarks.md). */
@Command(name = "pack-states", mixinStandardHelpOptions = true,
        description = {"Starts a gateway with embedded defaults (EU Hub simulator, default rate limit) in a temporary data directory,",
                "adds the packs to its simulator, posts one query of all of them and times it to COMPLETED. Prints one JSON result line."})
final class PackStatesBenchmarkCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--packs", defaultValue = "100000", description = "Packs in the query (default: ${DEFAULT-VALUE}).")
    int packs;

    @Override
    public Integer call() throws Exception {
        PackStateBenchmark.Result result = PackStateBenchmark.run(packs, IngestBenchmark.temporaryDataDir());
        spec.commandLine().getOut().println(CanonicalJson.mapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
