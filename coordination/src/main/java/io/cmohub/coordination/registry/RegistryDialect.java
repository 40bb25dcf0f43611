package io.cmohub.coordination.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Where the registry's bulk statements differ between its two databases. The SQL is the same
 * except where PostgreSQL's planner, working from statistics that lag a bulk load, would choose a
 * plan that is quadratic in the batch's size.
 */
enum RegistryDialect {
    H2, POSTGRESQL;

    static RegistryDialect of(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }
}
