package io.cmohub.gateway.server.security;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.routes.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes refused authentications to the audit trail without letting a flood of them write a flood of
 * rows under the chain's lock (which document intake also takes): the first refusal of a source in an
 * interval is audited at once, the others of that interval are counted and audited as one summary row
 * when the interval ends. Every refusal is in the trail; only their number, not each one, for a flood.
 */
public final class DenialLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DenialLog.class);
    private static final int MAX_TRACKED = 10_000;

    private final AuditTrail audit;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public DenialLog(AuditTrail audit, Duration interval) {
        this(audit, interval, Clock.systemUTC(), true);
    }

    DenialLog(AuditTrail audit, Duration interval, Clock clock, boolean flushPeriodically) {
        this.audit = audit;
        this.interval = interval;
        this.clock = clock;
        if (flushPeriodically) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "cmohub-denial-log");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1000, interval.toMillis() / 2);
            flusher.scheduleWithFixedDelay(this::flushEnded, millis, millis, TimeUnit.MILLISECONDS);
        } else {
            flusher = null;
        }
    }

    /** A refused request: {@code endpoint} as "METHOD /path", {@code reason} what was missing. */
    public void denied(String source, String endpoint, String reason) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED && !windows.containsKey(source)) {
            flushEnded();
        }
        Window previous = windows.get(source);
        if (previous != null && previous.endsBefore(now)) {
            summarise(source, previous);
        }
        boolean first = windows.compute(source, (key, window) -> window == null || window.endsBefore(now)
                ? new Window(now.plus(interval), endpoint, reason) : window.more()).suppressed == 0;
        if (first) {
            audit.record(AuditEvent.denied("anonymous", "ACCESS_DENIED").on("endpoint", endpoint).because(reason).details("remote=" + source));
        }
    }

    /** Writes the summary of every interval that has ended. */
    public void flushEnded() {
        Instant now = clock.instant();
        for (Map.Entry<String, Window> entry : windows.entrySet()) {
            if (entry.getValue().endsBefore(now)) {
                summarise(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Ends {@code window} of {@code source}: one summary row for the refusals after the first, if there were any. */
    private void summarise(String source, Window window) {
        if (!windows.remove(source, window) || window.suppressed == 0) {
            return;
        }
        try {
            audit.record(AuditEvent.denied("anonymous", "ACCESS_DENIED").on("endpoint", window.firstEndpoint)
                    .because(window.firstReason + " (" + window.suppressed + " more refusals from this source in the "
                            + interval.toSeconds() + " s after the first, summarised)")
                    .details("remote=" + source + " refusals=" + (window.suppressed + 1)));
        } catch (RuntimeException e) {
            LOG.warn("could not audit {} refused requests from {}: {}", window.suppressed, source, e.toString());
        }
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        windows.replaceAll((source, window) -> window.endingNow());
        flushEnded();
    }

    private static final class Window {
        private final Instant end;
        private final String firstEndpoint;
        private final String firstReason;
        private final long suppressed;

        Window(Instant end, String firstEndpoint, String firstReason) {
            this(end, firstEndpoint, firstReason, 0);
        }

        private Window(Instant end, String firstEndpoint, String firstReason, long suppressed) {
            this.end = end;
            this.firstEndpoint = firstEndpoint;
            this.firstReason = firstReason;
            this.suppressed = suppressed;
        }

        boolean endsBefore(Instant now) {
            return !now.isBefore(end);
        }

        Window more() {
            return new Window(end, firstEndpoint, firstReason, suppressed + 1);
        }

        Window endingNow() {
            return new Window(Instant.MIN, firstEndpoint, firstReason, suppressed);
        }
    }
}
