package io.cmohub.spring.boot;

import io.cmohub.routes.audit.JdbcAuditTrail;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a checkpoint of the audit chain's head to the anchor file now, every period, and once more when the host stops. */
public final class AuditAnchoring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);
    private final JdbcAuditTrail audit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cmohub-audit-anchor");
        thread.setDaemon(true);
        return thread;
    });

    AuditAnchoring(JdbcAuditTrail audit, Duration period) {
        this.audit = audit;
        timer.scheduleWithFixedDelay(this::anchor, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void anchor() {
        try {
            audit.anchorHead();
        } catch (Exception e) {
            LOG.error("could not checkpoint the audit chain to its anchor file: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        anchor();
    }
}
