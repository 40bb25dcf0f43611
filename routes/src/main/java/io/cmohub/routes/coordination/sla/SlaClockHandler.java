package io.cmohub.routes.coordination.sla;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Does the work of a fired clock inside the sweeper's transaction: the work commits exactly when the clock is marked fired. */
@FunctionalInterface
public interface SlaClockHandler {
    void fire(Connection connection, SlaClock clock, Instant now) throws SQLException;
}
