package io.cmohub.coordination.sla;

import io.cmohub.routes.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due SLA clocks. Every gateway node may sweep the same database at the same time (a timer
 * per node, e.g. {@link io.cmohub.coordination.CoordinationRoutes}); each clock still fires once, because a node fires it by moving
 * it from PENDING to FIRED in the same transaction as the work ({@link SlaClockHandler}): a second
 * node's update finds no PENDING row, and work that fails rolls the clock back to PENDING for the
 * next sweep. "Now" comes from the injected {@link Clock}, so tests move time instead of waiting.
 *
 * <p>Why not Quartz: Quartz's clustered JDBC store also fires once across nodes, but computes fire
 * times from the system clock (no injectable {@code Clock}), needs eleven tables with per-database
 * DDL, and would still have to call back into this table to know whether a request was answered.
 * The due time is already a row here; one conditional update is the whole cluster protocol.
 */
public final class SlaSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(SlaSweeper.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final String node;
    private final SlaClockHandler handler;
    private final int batchSize;

    public SlaSweeper(DataSource dataSource, Clock clock, String node, SlaClockHandler handler, int batchSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.batchSize = batchSize;
    }

    /** Fires the clocks due now; returns how many this node fired. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SlaClock> due;
        try (Connection c = dataSource.getConnection()) {
            due = SlaClocks.due(c, now, batchSize);
        } catch (SQLException e) {
            throw new StoreException("could not read the due SLA clocks", e);
        }
        int fired = 0;
        for (SlaClock slaClock : due) {
            if (fire(slaClock, now)) {
                fired++;
            }
        }
        return fired;
    }

    /** How long a clock whose work failed waits before it is tried again. */
    static final java.time.Duration RETRY_AFTER_FAILURE = java.time.Duration.ofMinutes(5);

    private boolean fire(SlaClock slaClock, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                handler.lockOwner(c, slaClock);
                if (!SlaClocks.claim(c, slaClock.clockId(), now, node)) {
                    c.rollback();
                    return false;
                }
                handler.fire(c, slaClock, now);
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                // Lost a race with another node (lock timeout, serialisation failure): the clock stays PENDING for the next sweep.
                LOG.warn("SLA clock {} not fired by {} this sweep: {}", slaClock.clockId(), node, e.getMessage());
                return false;
            } catch (RuntimeException e) {
                c.rollback();
                // The work itself failed (a broken channel, a bad row): retry later, behind the clocks that are due now.
                Instant retryAt = now.plus(RETRY_AFTER_FAILURE);
                c.setAutoCommit(true);
                SlaClocks.postpone(c, slaClock.clockId(), retryAt);
                LOG.warn("SLA clock {} failed on {} and is retried at {}: {}", slaClock.clockId(), node, retryAt, e.toString());
                return false;
            }
        } catch (SQLException e) {
            LOG.warn("SLA clock {}: no database connection: {}", slaClock.clockId(), e.getMessage());
            return false;
        }
    }
}
