package io.cmohub.coordination.sla;

import static io.cmohub.coordination.SqlValues.bindAll;

import io.cmohub.coordination.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA clock table. Clocks are rows, so they survive restarts and every node sees the same
 * ones; the states are PENDING, FIRED and CANCELLED (an answered or closed request).
 */
public final class SlaClocks {
    private SlaClocks() {
    }

    public static void schedule(Connection c, SlaClock clock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO coordination_sla_clock (clock_id, request_id, kind, due_at, state) VALUES (?, ?, ?, ?, 'PENDING')")) {
            bindAll(s, clock.clockId(), clock.requestId(), clock.kind().name(), clock.dueAt());
            s.executeUpdate();
        }
    }

    /** Cancels the request's pending clocks; returns how many. */
    public static int cancel(Connection c, String requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_sla_clock SET state = 'CANCELLED' WHERE request_id = ? AND state = 'PENDING'")) {
            bindAll(s, requestId);
            return s.executeUpdate();
        }
    }

    static List<SlaClock> due(Connection c, Instant now, int max) throws SQLException {
        List<SlaClock> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT clock_id, request_id, kind, due_at FROM coordination_sla_clock WHERE state = 'PENDING' "
                + "AND due_at <= ? ORDER BY due_at, clock_id")) {
            s.setMaxRows(max);
            bindAll(s, now);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new SlaClock(rs.getString(1), rs.getString(2), SlaClockKind.valueOf(rs.getString(3)), SqlValues.instant(rs, "due_at")));
                }
            }
        }
        return due;
    }

    /**
     * Moves a pending clock whose work failed to {@code retryAt}: it is tried again later, behind the
     * clocks that are due now, instead of being picked first on every sweep and starving them.
     */
    static void postpone(Connection c, String clockId, Instant retryAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_sla_clock SET due_at = ? WHERE clock_id = ? AND state = 'PENDING'")) {
            bindAll(s, retryAt, clockId);
            s.executeUpdate();
        }
    }

    /** Marks the clock fired by {@code node}; false when another node fired it or it was cancelled. */
    static boolean claim(Connection c, String clockId, Instant now, String node) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE coordination_sla_clock SET state = 'FIRED', fired_at = ?, fired_by = ? "
                + "WHERE clock_id = ? AND state = 'PENDING'")) {
            bindAll(s, now, node, clockId);
            return s.executeUpdate() == 1;
        }
    }

    /** All clocks of a request, for the case view and tests: kind, due time, state and which node fired it. */
    public static List<String[]> ofRequest(Connection c, String requestId) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT kind, due_at, state, fired_by FROM coordination_sla_clock WHERE request_id = ? ORDER BY due_at")) {
            bindAll(s, requestId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), String.valueOf(SqlValues.instant(rs, "due_at")), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return rows;
    }
}
