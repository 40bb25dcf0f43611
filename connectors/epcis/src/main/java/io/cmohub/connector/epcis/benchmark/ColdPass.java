package io.cmohub.connector.epcis.benchmark;

import io.cmohub.connector.DocumentContext;
import io.cmohub.connector.DocumentReport;
import io.cmohub.connector.DocumentRun;
import io.cmohub.connector.DocumentSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass over a document in a JVM that has run nothing else: what {@code cmohub validate} does
 * once it has started. Timed from inside, so the JVM's start-up is left out and the JIT compiler's
 * warm-up is not. Besides the calling thread's CPU time it reports the whole process's (the JIT
 * compiler threads, the garbage collector, a second reading thread) and the compilers' own clock
 * ({@code CompilationMXBean}: elapsed time summed over compiler threads, -1 where the JVM does not
 * compile), since on two cores the compilers compete with the pass for the second core.
 *
 * @param events source events the connector read; for the raw scan, event elements (XML) or tokens (JSON)
 */
record ColdPass(Kind kind, double seconds, double cpuSeconds, double processCpuSeconds, long jitMillis, double peakHeapMb, long events,
                String status) {
    private static final String PREFIX = "cold-pass ";
    private static final Pattern LINE = Pattern.compile(PREFIX + "kind=(\\w+) seconds=([\\d.]+) cpu=([\\d.]+) process-cpu=([\\d.]+) jit-ms=(-?\\d+) "
            + "peak-heap-mb=([\\d.]+) events=(\\d+) status=(\\w+)");

    /** RAW: the Woodstox (or Jackson) scan {@link EpcisBenchmark} compares with; CONNECTOR: {@code DocumentRun.validate}. */
    enum Kind { RAW, CONNECTOR }

    static ColdPass run(Kind kind, Path file, Map<String, String> config) throws IOException {
        boolean json = EpcisBenchmark.firstByte(file) == '{';
        // everything but the pass itself is set up first, as validate has done before it reads
        DocumentRun run = EpcisBenchmark.validateRun(config);
        DocumentContext context = EpcisBenchmark.context(file);
        var compiler = ManagementFactory.getCompilationMXBean(); // null under -Xint
        var threads = ManagementFactory.getThreadMXBean();
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long jitBefore = compiler == null ? 0 : compiler.getTotalCompilationTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long processCpuBefore = process.getProcessCpuTime();
        long started = System.nanoTime();
        long events;
        String status;
        if (kind == Kind.RAW) {
            events = json ? EpcisBenchmark.rawJson(file) : EpcisBenchmark.rawXml(file);
            status = "SCANNED";
        } else {
            DocumentReport report = run.validate(DocumentSource.of(file), context);
            events = report.sourceEvents();
            status = report.status().name();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double processCpu = (process.getProcessCpuTime() - processCpuBefore) / 1e9;
        long jit = compiler == null ? -1 : compiler.getTotalCompilationTime() - jitBefore;
        // pools peak at different moments, so their sum can overstate the peak a little: an upper bound
        double peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        return new ColdPass(kind, seconds, cpu, processCpu, jit, peak, events, status);
    }

    String line() {
        return String.format(Locale.ROOT, PREFIX + "kind=%s seconds=%.3f cpu=%.3f process-cpu=%.3f jit-ms=%d peak-heap-mb=%.1f events=%d status=%s",
                kind, seconds, cpuSeconds, processCpuSeconds, jitMillis, peakHeapMb, events, status);
    }

    /** The pass a child JVM printed, or null for any other line of its output. */
    static ColdPass parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        return new ColdPass(Kind.valueOf(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                Long.parseLong(m.group(5)), Double.parseDouble(m.group(6)), Long.parseLong(m.group(7)), m.group(8));
    }
}
