package io.cmohub.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.routes.HubDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A long transaction's audit rows wait for {@link DeferredAuditTrail#flush}: until then the chain's
 * head is free for other transactions, and afterwards the rows are in the chain in their order, with
 * the transaction's change. A transaction that does not commit leaves none behind.
 */
class DeferredAuditTrailTest {
    private DataSource dataSource;
    private JdbcAuditTrail trail;
    private DeferredAuditTrail deferred;

    @BeforeEach
    void database() throws Exception {
        dataSource = HubDatabases.h2();
        trail = new JdbcAuditTrail(dataSource);
        deferred = new DeferredAuditTrail(trail);
    }

    @Test
    void rowsRecordedInATransactionAreAppendedAtFlushAndTheHeadStaysFreeUntilThen() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            deferred.record(c, AuditEvent.success("partner:acme", "REGISTER_SERIALS").on("registry-batch", "P/B1").because("chunk 1"));
            deferred.record(c, AuditEvent.success("partner:acme", "REGISTER_SERIALS").on("registry-batch", "P/B1").because("chunk 2"));
            // another transaction appends meanwhile: it does not wait for this one
            trail.record(AuditEvent.success("qa.jane", "CLOSE_CASE").on("case", "C-1").because("root cause found"));
            assertThat(rows()).isEqualTo(1);
            deferred.flush(c);
            c.commit();
            deferred.discard(c);
        }
        assertThat(rows()).isEqualTo(3);
        assertThat(reasons()).isEqualTo("root cause found|chunk 1|chunk 2");
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void aTransactionThatDoesNotCommitLeavesNoRow() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            deferred.record(c, AuditEvent.success("partner:acme", "REGISTER_BATCH").on("registry-batch", "P/B2").because("batch registered"));
            c.rollback();
            deferred.discard(c);
            deferred.flush(c); // nothing is left to append
            c.commit();
        }
        assertThat(rows()).isZero();
    }

    private long rows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String reasons() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT reason FROM audit_event ORDER BY seq")) {
            while (rs.next()) {
                out.append(out.isEmpty() ? "" : "|").append(rs.getString(1));
            }
        }
        return out.toString();
    }
}
