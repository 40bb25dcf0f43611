package io.cmohub.coordination;

import io.cmohub.routes.store.Sha256;
import io.cmohub.routes.store.SqlStates;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A named lock held until the caller's transaction ends, as a row of {@code alert_lock} (created by
 * alert intake, used for any name): portable across H2 and PostgreSQL, and effective across nodes
 * sharing the database, where a JVM lock is not. Two transactions taking the same name run one
 * after the other; the second then sees what the first committed.
 */
public final class RowLock {
    private RowLock() {
    }

    public static void lock(Connection c, String name) throws SQLException {
        String key = Sha256.hex(name);
        Savepoint before = c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_lock (lock_key) VALUES (?)")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            c.rollback(before); // another transaction created it first; lock the existing row
        }
        try (PreparedStatement s = c.prepareStatement("SELECT lock_key FROM alert_lock WHERE lock_key = ? FOR UPDATE")) {
            s.setString(1, key);
            s.executeQuery().close();
        }
    }

    /** Whether the database refused a row because its key exists; see {@link SqlStates#isUniqueViolation}. */
    public static boolean isUniqueViolation(SQLException e) {
        return SqlStates.isUniqueViolation(e);
    }
}
