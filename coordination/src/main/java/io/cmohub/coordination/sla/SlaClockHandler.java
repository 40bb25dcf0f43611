package io.cmohub.coordination.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Does the work of a fired clock inside the sweeper's transaction: the work commits exactly when the clock is marked fired. */
public interface SlaClockHandler {
    void fire(Connection connection, SlaClock clock, Instant now) throws SQLException;

    /**
     * Takes the locks {@link #fire} will need, before the sweeper locks the clock row: one lock
     * order for everyone (what the clock belongs to, then the clock), so the sweeper and a
     * concurrent answer or close, which lock in that order too, cannot deadlock.
     */
    default void lockOwner(Connection connection, SlaClock clock) throws SQLException {
        // a handler whose work touches nothing else locks nothing
    }
}
