package io.cmohub.gateway.server.coordination;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What the sponsor's teams have waiting in coordination, counted in the database: open cases,
 * evidence requests past their due time and not answered, outbox messages that FAILED and wait for
 * an operator. Three indexed counts; sampled on the same timer as the queues.
 */
public final class CoordinationBacklog {
    /** The counts at one moment. */
    public record Counts(long openCases, long overdueRequests, long failedOutbox) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    private final DataSource dataSource;
    private volatile Counts last = Counts.NONE;

    public CoordinationBacklog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Counts last() {
        return last;
    }

    public void refresh() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            last = new Counts(count(c, "SELECT COUNT(*) FROM coordination_case WHERE status <> 'CLOSED'", null),
                    count(c, "SELECT COUNT(*) FROM coordination_evidence_request WHERE status IN ('OPEN', 'DISPATCHED', 'OVERDUE', 'ESCALATED') "
                            + "AND due_at < ?", Instant.now()),
                    count(c, "SELECT COUNT(*) FROM coordination_outbox WHERE state = 'FAILED'", null));
        }
    }

    private static long count(Connection c, String sql, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (at != null) {
                s.setObject(1, io.cmohub.routes.store.JdbcTime.toDb(at));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
