package io.cmohub.gateway.cli;

import io.cmohub.connector.DocumentSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A file read with its progress shown on standard error: bytes read, records so far, rate and time
 * left, once a second and once at the end. A connector may read a file twice (first to check it, then
 * to deliver it); each reading is shown as a pass of its own. Used when standard error is a terminal
 * and the file is large ({@link #wanted}), so that piped output gets nothing extra.
 */
final class ProgressSource implements DocumentSource, AutoCloseable {
    /** Files from this size on show progress on a terminal. */
    static final long LARGE_FILE_BYTES = 50L * 1024 * 1024;
    /** Set by bin/cmohub when standard error is a terminal ({@code [ -t 2 ]}): Java 17 cannot tell for stderr alone. */
    static final String TERMINAL_PROPERTY = "cmohub.stderr.terminal";

    private final Path file;
    private final long size;
    private final PrintWriter err;
    private final LongSupplier records;
    private final AtomicLong read = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cmohub-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long passStarted;
    private volatile int pass;

    ProgressSource(Path file, PrintWriter err, LongSupplier records) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        this.err = err;
        this.records = records;
        ticker.scheduleAtFixedRate(this::show, 1, 1, TimeUnit.SECONDS);
    }

    /** Progress is shown when asked for ({@code --progress}), or for a large file when standard error is a terminal. */
    static boolean wanted(Boolean option, Path file) throws IOException {
        if (option != null) {
            return option;
        }
        return Boolean.getBoolean(TERMINAL_PROPERTY) && Files.isRegularFile(file) && Files.size(file) >= LARGE_FILE_BYTES;
    }

    @Override
    public InputStream open() throws IOException {
        read.set(0);
        pass++;
        passStarted = System.nanoTime();
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
    }

    /** Stops the ticker and shows the final line. */
    @Override
    public void close() {
        ticker.shutdownNow();
        show();
        err.println();
        err.flush();
    }

    private synchronized void show() {
        double seconds = Math.max(0.001, (System.nanoTime() - passStarted) / 1e9);
        long bytes = read.get();
        double rate = bytes / seconds;
        String left = rate <= 0 || bytes >= size ? "" : String.format(Locale.ROOT, ", about %s left", duration((size - bytes) / rate));
        String recordsSoFar = records == null ? "" : String.format(Locale.ROOT, ", %,d records", records.getAsLong());
        err.print(String.format(Locale.ROOT, "\r%s pass %d: %s of %s (%d %%)%s, %s/s%s   ", file.getFileName(), pass, megabytes(bytes), megabytes(size),
                size == 0 ? 100 : bytes * 100 / size, recordsSoFar, megabytes((long) rate), left));
        err.flush();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
