package io.cmohub.routes.templates;

import javax.sql.DataSource;

/**
 * Creates or upgrades the hub's tables ({@code db/migration/cmohub} in the routes jar) on a host's
 * database with Flyway, for hosts that do not run Flyway themselves. Flyway is an optional
 * dependency of cmohub-routes: a host that calls this adds {@code org.flywaydb:flyway-core} (and, for
 * PostgreSQL, {@code flyway-database-postgresql}).
 *
 * <p>The hub keeps its own history table ({@value #DEFAULT_HISTORY_TABLE}) so that it never mixes
 * with the host's own Flyway history, and it baselines at version 0 on a schema that already holds
 * the host's tables, so that V1 and every later migration still run.
 */
public final class CmoHubSchema {
    public static final String LOCATION = "classpath:db/migration/cmohub";
    public static final String DEFAULT_HISTORY_TABLE = "cmohub_schema_history";

    private CmoHubSchema() {
    }

    /** Applies the pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, DEFAULT_HISTORY_TABLE);
    }

    public static int migrate(DataSource dataSource, String historyTable) {
        try {
            Class.forName("org.flywaydb.core.Flyway", false, CmoHubSchema.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("applying the cmo-hub schema needs org.flywaydb:flyway-core on the classpath; "
                    + "or apply " + LOCATION + " with your own migration tool", e);
        }
        return org.flywaydb.core.Flyway.configure(CmoHubSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
