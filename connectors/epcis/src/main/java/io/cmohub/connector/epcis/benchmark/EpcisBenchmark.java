package io.cmohub.connector.epcis.benchmark;

import io.cmohub.connector.epcis.EpcisConnector;
import io.cmohub.connector.epcis.PipelineTimings;
import io.cmohub.connector.epcis.EpcisEventType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.codec.CodecLimits;
import io.cmohub.model.codec.HardenedXml;
import io.cmohub.model.value.PartnerId;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Times the connector against a raw parser pass over the same file, in the same JVM: a Woodstox
 * cursor that touches every event (XML), or Jackson's token stream (JSON-LD). Generates the file
 * first if it is missing. The raw scan's rounds first (two warm-ups, then {@code runs} measured),
 * then the connector's; reports medians, and the ratio of the best rounds.
 * Peak heap is sampled every 5 ms during the warm-up round only (used heap, after the previous
 * run's garbage was collected); timed rounds count the JVM's collections and the measuring
 * thread's CPU time beside the wall time.
 *
 * <pre>java -Xmx256m -cp ... io.cmohub.connector.epcis.EpcisBenchmark [--file F] [--sgtins N] [--syntax XML_1_2|XML_2_0|JSON_LD]
 *     [--serials SEQUENTIAL|RANDOM]
 *     [--runs 3 | --cold PAIRS] [-c key=value ...]</pre>
 *
 * <p>{@code --cold PAIRS} measures what a one-off {@code cmohub validate} does instead: each pass in a
 * fresh JVM of its own ({@link ColdBenchmark}), timed inside it, so JVM start-up is left out and JIT
 * warm-up is not.
 */
public final class EpcisBenchmark {
    private EpcisBenchmark() {
    }

    /** @param cpuSeconds the measuring thread's own CPU time: steadier than wall time when other work shares the cores */
    record Measurement(double seconds, double cpuSeconds, double readerCpuSeconds, double readerWaitSeconds, double checkerWaitSeconds,
                       long peakHeapBytes, long gcCount) {
        Measurement withPeak(long peak) {
            return new Measurement(seconds, cpuSeconds, readerCpuSeconds, readerWaitSeconds, checkerWaitSeconds, peak, gcCount);
        }
    }

    public static void main(String[] args) throws Exception {
        run(args, List.of());
    }

    /**
     * @param launcherArguments what a fresh JVM started on this JVM's classpath and flags needs before
     *                          the benchmark's own arguments to come back here ({@code --cold}): none
     *                          when {@link #main} is the entry point, {@code benchmark epcis} for the CLI
     */
    public static void run(String[] args, List<String> launcherArguments) throws Exception {
        Path file = null;
        long sgtins = 1_000_000;
        EpcisDocumentGenerator.Syntax syntax = EpcisDocumentGenerator.Syntax.XML_1_2;
        EpcisDocumentGenerator.Serials serials = EpcisDocumentGenerator.Serials.SEQUENTIAL;
        int runs = 3;
        int coldPairs = 0;
        ColdPass.Kind single = null;
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--file" -> file = Path.of(args[++i]);
                case "--sgtins" -> sgtins = Long.parseLong(args[++i]);
                case "--syntax" -> syntax = EpcisDocumentGenerator.Syntax.valueOf(args[++i]);
                case "--serials" -> serials = EpcisDocumentGenerator.Serials.valueOf(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--cold" -> {
                    coldPairs = Integer.parseInt(args[++i]);
                    if (coldPairs < 1) {
                        throw new IllegalArgumentException("--cold takes the number of fresh-JVM pairs to run, at least 1, not " + coldPairs);
                    }
                }
                case "--single-pass" -> single = ColdPass.Kind.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "-c" -> {
                    String[] kv = args[++i].split("=", 2);
                    config.put(kv[0], kv[1]);
                }
                default -> {
                    throw new IllegalArgumentException("unknown argument " + args[i] + "; see --help of cmohub benchmark epcis");
                }
            }
        }
        if (file == null) {
            file = Path.of(System.getProperty("java.io.tmpdir"), "epcis-" + syntax.name().toLowerCase(Locale.ROOT) + "-" + sgtins
                    + (serials == EpcisDocumentGenerator.Serials.RANDOM ? "-random" : "")
                    + (syntax == EpcisDocumentGenerator.Syntax.JSON_LD ? ".jsonld" : ".xml"));
        }
        if (!Files.exists(file)) {
            long started = System.nanoTime();
            EpcisDocumentGenerator.standard(syntax, serials, sgtins).write(file);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", file, (System.nanoTime() - started) / 1e9);
        }
        if (single != null) {
            System.out.println(ColdPass.run(single, file, config).line());
            return;
        }
        if (coldPairs > 0) {
            ColdBenchmark.run(file, coldPairs, config, ColdBenchmark.childCommand(launcherArguments));
            return;
        }
        boolean json = firstByte(file) == '{';
        long bytes = Files.size(file);
        DocumentRun run = validateRun(config);
        DocumentContext context = context(file);
        Path target = file;
        DocumentReport[] last = new DocumentReport[1];
        long[] scanned = new long[1];

        // the raw pass's count is kept only so the JIT cannot drop the pass as dead code
        Runnable raw = () -> scanned[0] += json ? rawJson(target) : rawXml(target);
        Runnable parse = () -> {
            try {
                last[0] = run.validate(DocumentSource.of(target), context);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        // The raw scan runs first, all its rounds, so the JIT compiles Woodstox for it alone: run
        // after or between the connector's rounds it was up to 1.5x slower (the compiled parser
        // then serves the connector's calls too), which flattered the connector's ratio.
        // Warm-up rounds sample the heap; timed rounds do not, because polling the heap from a second
        // thread every 5 ms slowed the allocating side measurably.
        long rawPeak = measure(raw, true).peakHeapBytes();
        measure(raw, false);
        List<Measurement> rawRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            rawRuns.add(measure(raw, false));
        }
        // a fresh JVM reads its first 20,000 events on one thread (EpcisDocumentParser): the second
        // warm-up round, on two threads like the timed ones, is the one whose heap is sampled
        measure(parse, false);
        long connectorPeak = measure(parse, true).peakHeapBytes();
        List<Measurement> connectorRuns = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            connectorRuns.add(measure(parse, false));
        }
        Measurement r = median(rawRuns).withPeak(rawPeak);
        Measurement c = median(connectorRuns).withPeak(connectorPeak);
        DocumentReport report = last[0];
        double mb = bytes / 1e6;
        System.out.printf(Locale.ROOT, "file %s: %.1f MB, %d events, status %s, %d canonical records, max heap %d MB, %s%n",
                file, mb, report.sourceEvents(), report.status(), report.canonicalRecords(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version());
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %9s %12s %14s %5s%n", "", "seconds", "cpu s", "MB/s", "events/s", "peak heap MB", "GCs");
        // the connector's "cpu s" is its checking thread; its parsing thread, when there is one, is printed below
        row("raw " + (json ? "Jackson" : "Woodstox") + " scan", r, mb, report.sourceEvents());
        row("epcis connector", c, mb, report.sourceEvents());
        System.out.printf(Locale.ROOT, "connector / raw throughput: %.2f (medians of %d runs after two warm-ups); best against best: %.2f;"
                + " by CPU time of the calling thread: %.2f%n", r.seconds() / c.seconds(), runs, best(rawRuns) / best(connectorRuns),
                medianCpu(rawRuns) / medianCpu(connectorRuns));
        System.out.printf(Locale.ROOT, "every timed run, seconds: raw %s; connector %s%n", seconds(rawRuns), seconds(connectorRuns));
        if (c.readerCpuSeconds() > 0) {
            System.out.printf(Locale.ROOT, "connector threads (median run): parsing %.3f s CPU of which %.3f s waiting for the checking thread;"
                    + " checking %.3f s CPU of which %.3f s waiting for the parsing thread%n",
                    c.readerCpuSeconds(), c.readerWaitSeconds(), c.cpuSeconds(), c.checkerWaitSeconds());
        }
        if (!report.errors().isEmpty()) {
            System.out.println("first errors: " + report.errors().subList(0, Math.min(3, report.errors().size())));
        }
    }

    private static void row(String name, Measurement m, double mb, long events) {
        System.out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.1f %12.0f %14.1f %5d%n", name, m.seconds(), m.cpuSeconds(), mb / m.seconds(), events / m.seconds(),
                m.peakHeapBytes() / 1048576.0, m.gcCount());
    }

    private static String seconds(List<Measurement> runs) {
        return String.join(" ", runs.stream().map(m -> String.format(Locale.ROOT, "%.3f", m.seconds())).toList());
    }

    private static double best(List<Measurement> runs) {
        return runs.stream().mapToDouble(Measurement::seconds).min().orElseThrow();
    }

    private static double medianCpu(List<Measurement> runs) {
        double[] cpu = runs.stream().mapToDouble(Measurement::cpuSeconds).sorted().toArray();
        return cpu[cpu.length / 2];
    }

    private static Measurement median(List<Measurement> runs) {
        Measurement[] sorted = runs.toArray(new Measurement[0]);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.seconds(), b.seconds()));
        return sorted[sorted.length / 2];
    }

    private static Measurement measure(Runnable work, boolean sampleHeap) throws InterruptedException {
        System.gc();
        Thread.sleep(100);
        var memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        long gcBefore = gcCount();
        if (sampleHeap) {
            sampler.start();
        }
        var threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        PipelineTimings.reset();
        long started = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Measurement(seconds, cpuSeconds, PipelineTimings.readerCpuNanos() / 1e9, PipelineTimings.readerWaitNanos() / 1e9,
                PipelineTimings.checkerWaitNanos() / 1e9, peak.get(), gcCount() - gcBefore);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** What {@code cmohub validate --format epcis} runs: the connector with {@code config} under its default error policy. */
    static DocumentRun validateRun(Map<String, String> config) {
        EpcisConnector connector = new EpcisConnector();
        return new DocumentRun(EpcisConnector.ID, connector.open(ConnectorConfig.of(connector.descriptor(), config)),
                connector.descriptor().defaultErrorPolicy());
    }

    static DocumentContext context(Path file) {
        return new DocumentContext(PartnerId.of("benchmark"), file.getFileName().toString(), Instant.now());
    }

    /** The floor: one cursor pass with the same hardened factory, counting event elements. */
    static long rawXml(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            XMLStreamReader r = HardenedXml.inputFactory().createXMLStreamReader(in);
            long events = 0;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && EpcisEventType.of(r.getLocalName()) != null) {
                    events++;
                }
            }
            r.close();
            return events;
        } catch (Exception e) {
            throw new IllegalStateException("raw scan failed", e);
        }
    }

    static long rawJson(Path file) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(CanonicalJson.constraints(CodecLimits.DEFAULT)).build();
        try (JsonParser p = factory.createParser(Files.newInputStream(file))) {
            long tokens = 0;
            while (p.nextToken() != null) {
                tokens++;
            }
            return tokens;
        } catch (Exception e) {
            throw new IllegalStateException("raw scan failed", e);
        }
    }

    static int firstByte(Path file) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF);
            return b;
        }
    }
}
