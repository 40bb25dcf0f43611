package io.cmohub.connector.epcis.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * {@code benchmark epcis --cold PAIRS}: the raw scan and the connector each read the document once in
 * a fresh JVM, as a one-off {@code cmohub validate} does, pair after pair (the order alternates, so
 * neither always runs on a machine the other has just warmed). A child JVM gets this JVM's flags and
 * classpath and times its pass from inside ({@link ColdPass}): JVM start-up is excluded, JIT warm-up
 * is not.
 */
final class ColdBenchmark {
    private ColdBenchmark() {
    }

    /** The passes of one cold benchmark, in the order they ran. */
    record Result(List<ColdPass> raw, List<ColdPass> connector) {
        double ratioOfMedians() {
            return median(raw, ColdPass::seconds) / median(connector, ColdPass::seconds);
        }
    }

    /** @param command starts a JVM that runs {@link EpcisBenchmark} with the arguments appended to it ({@link #childCommand}) */
    static Result run(Path file, int pairs, Map<String, String> config, List<String> command) throws IOException, InterruptedException {
        List<ColdPass> raw = new ArrayList<>();
        List<ColdPass> connector = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            boolean rawFirst = i % 2 == 0;
            for (ColdPass.Kind kind : rawFirst ? List.of(ColdPass.Kind.RAW, ColdPass.Kind.CONNECTOR) : List.of(ColdPass.Kind.CONNECTOR, ColdPass.Kind.RAW)) {
                ColdPass pass = child(command, file, kind, config);
                (kind == ColdPass.Kind.RAW ? raw : connector).add(pass);
            }
        }
        double mb = Files.size(file) / 1e6;
        ColdPass last = connector.get(connector.size() - 1);
        System.out.printf(Locale.ROOT, "file %s: %.1f MB, %d events, status %s; each pass in a fresh JVM (%s), start-up excluded%n",
                file, mb, last.events(), last.status(), String.join(" ", flagsOf(command)));
        // cpu s: the reading thread; process cpu s: all threads, the JIT compilers' among them; JIT ms: the compilers' own clock
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %15s %9s %8s %14s%n", "cold, median", "seconds", "cpu s", "process cpu s", "MB/s", "JIT ms",
                "peak heap MB");
        row("raw scan", raw, mb);
        row("epcis connector", connector, mb);
        System.out.printf(Locale.ROOT, "cold connector / raw throughput: %.2f (medians of %d fresh JVMs each); best against best: %.2f%n",
                new Result(raw, connector).ratioOfMedians(), pairs,
                min(raw, ColdPass::seconds) / min(connector, ColdPass::seconds));
        System.out.printf(Locale.ROOT, "every pass, seconds (process cpu s, JIT ms): raw %s; connector %s%n", passes(raw), passes(connector));
        return new Result(raw, connector);
    }

    private static ColdPass child(List<String> command, Path file, ColdPass.Kind kind, Map<String, String> config) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--file", file.toString(), "--single-pass", kind.name().toLowerCase(Locale.ROOT)));
        config.forEach((key, value) -> full.addAll(List.of("-c", key + "=" + value)));
        // one stream, read to its end: a failing child's stack trace reaches the message below
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ColdPass pass = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                ColdPass parsed = ColdPass.parse(line);
                if (parsed != null) {
                    pass = parsed;
                } else {
                    other.add(line);
                }
            }
        }
        int exit = process.waitFor();
        if (pass == null || exit != 0) {
            throw new IllegalStateException("the " + kind + " pass in a fresh JVM failed (exit " + exit + "): " + String.join("\n", other)
                    + "\ncommand: " + String.join(" ", full));
        }
        return pass;
    }

    /** Options of the java launcher that take the next argument as their value. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--add-opens", "--add-exports",
            "--add-reads", "--add-modules", "--patch-module", "--limit-modules", "--upgrade-module-path");

    /** This JVM again: same java, same flags, same classpath or jar, and what brings it back to the benchmark. */
    static List<String> childCommand(List<String> launcherArguments) {
        ProcessHandle.Info self = ProcessHandle.current().info();
        String java = self.command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the command line as the OS has it (a jar path with spaces stays one argument; JAVA_TOOL_OPTIONS,
        // which the child inherits, is not in it); where the OS does not tell, rebuilt from what the JVM says
        List<String> arguments = self.arguments().map(List::of).orElseGet(ColdBenchmark::rebuiltArguments);
        return relaunch(java, arguments, launcherArguments);
    }

    /**
     * A command that starts {@code java} with the flags and the classpath or jar of {@code arguments}
     * (a JVM's command line after the executable), its main class or jar, then {@code launcherArguments}
     * in place of its own program arguments. Flags that would make children fight over a debug or JMX
     * port or a flight recording are left out.
     */
    static List<String> relaunch(String java, List<String> arguments, List<String> launcherArguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-jar") && i + 1 < arguments.size()) {
                command.addAll(List.of(argument, arguments.get(i + 1)));
                break;
            }
            if (WITH_VALUE.contains(argument) && i + 1 < arguments.size()) {
                command.addAll(List.of(argument, arguments.get(++i)));
            } else if (!argument.startsWith("-")) {
                command.add(argument); // the main class; what follows is the program's own arguments
                break;
            } else if (!sharesAResource(argument)) {
                command.add(argument);
            }
        }
        command.addAll(launcherArguments);
        return command;
    }

    private static boolean sharesAResource(String flag) {
        return flag.startsWith("-agentlib:jdwp") || flag.startsWith("-Xrunjdwp") || flag.startsWith("-XX:StartFlightRecording")
                || flag.startsWith("-XX:FlightRecorderOptions") || flag.startsWith("-Dcom.sun.management.jmxremote.port")
                || flag.startsWith("-Dcom.sun.management.jmxremote.rmi.port");
    }

    private static List<String> rebuiltArguments() {
        List<String> arguments = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String launched = System.getProperty("sun.java.command", "").split(" ", 2)[0];
        if (launched.endsWith(".jar")) {
            arguments.addAll(List.of("-jar", launched));
        } else {
            arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), launched.isEmpty() ? EpcisBenchmark.class.getName() : launched));
        }
        return arguments;
    }

    /** The JVM flags of a child command: what stands between the java executable and its classpath or jar. */
    private static List<String> flagsOf(List<String> command) {
        List<String> flags = new ArrayList<>();
        for (String part : command.subList(1, command.size())) {
            if (part.equals("-cp") || part.equals("-jar") || part.equals("-classpath")) {
                break;
            }
            flags.add(part);
        }
        return flags;
    }

    private static void row(String name, List<ColdPass> passes, double mb) {
        double seconds = median(passes, ColdPass::seconds);
        System.out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %15.3f %9.1f %8.0f %14.1f%n", name, seconds, median(passes, ColdPass::cpuSeconds),
                median(passes, ColdPass::processCpuSeconds), mb / seconds, median(passes, p -> p.jitMillis()), median(passes, ColdPass::peakHeapMb));
    }

    private static double median(List<ColdPass> passes, ToDoubleFunction<ColdPass> value) {
        double[] sorted = passes.stream().mapToDouble(value).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double min(List<ColdPass> passes, ToDoubleFunction<ColdPass> value) {
        return passes.stream().mapToDouble(value).min().orElseThrow();
    }

    private static String passes(List<ColdPass> passes) {
        return String.join(" ", passes.stream().map(p -> String.format(Locale.ROOT, "%.3f (%.2f, %d)", p.seconds(), p.processCpuSeconds(), p.jitMillis()))
                .toList());
    }
}
