package io.cmohub.routes.store;

import java.sql.SQLException;

/** What a database's SQLSTATE says, read the same way on H2 and PostgreSQL. */
public final class SqlStates {
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /** Whether the database refused a row because its key exists (SQLSTATE 23505), looking through chained and wrapped exceptions. */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState());
    }
}
