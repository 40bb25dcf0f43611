package io.cmohub.gateway.cli;

import io.cmohub.connector.epcis.benchmark.EpcisBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code cmohub benchmark epcis}: the EPCIS connector against a raw parser scan of the same file, in one JVM (docs/benchmarks.md). */
@Command(name = "epcis", mixinStandardHelpOptions = true,
        description = {"Generates (if missing) an EPCIS document with N SGTINs, then times a raw Woodstox/Jackson scan and the epcis connector",
                "on it in the same JVM: MB/s, events/s, peak heap. Options: [--file F] [--sgtins N] [--syntax XML_1_2|XML_2_0|JSON_LD]",
                "[--serials SEQUENTIAL|RANDOM] [--runs N | --cold PAIRS] [-c key=value ...]. Run with JAVA_OPTS=-Xmx256m to check bounded memory.",
                "--cold PAIRS: each pass in a fresh JVM (what a one-off 'cmohub validate' does), start-up excluded, JIT warm-up included."})
final class EpcisBenchmarkCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        // --cold starts fresh JVMs that come back through this command
        EpcisBenchmark.run(arguments.toArray(new String[0]), List.of("benchmark", "epcis"));
        return 0;
    }
}
