package io.cmohub.routes.templates;

import javax.sql.DataSource;

/**
 * Creates or upgrades the hub's tables ({@value #LOCATION}: V1 in the routes jar, V2 onwards in the coordination jar when it is on the classpath, one history and one version order) on a host's database
 * with the hub's own Flyway instance. Flyway is an optional dependency of cmohub-routes: a host that
 * calls this adds {@code org.flywaydb:flyway-core} (and, for PostgreSQL, {@code flyway-database-postgresql}).
 *
 * <p>The scripts live outside {@code db/migration} on purpose: Flyway scans its locations
 * recursively, so a host whose own Flyway uses the default {@code classpath:db/migration} would
 * otherwise pick up the hub's scripts too, and the hub's V1 would clash with the host's V1 in one
 * history table. The hub keeps its own history table ({@value #DEFAULT_HISTORY_TABLE}) and
 * baselines on a schema that already holds the host's tables, so that V1 and every later migration
 * still run.
 */
public final class CmoHubSchema {
    public static final String LOCATION = "classpath:io/cmohub/db/migration";
    public static final String DEFAULT_HISTORY_TABLE = "cmohub_schema_history";
    /** Baseline on a non-empty schema that has no hub history yet: below V1, so every hub migration runs. */
    public static final String DEFAULT_BASELINE_VERSION = "0";

    private CmoHubSchema() {
    }

    /** Applies the pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, DEFAULT_HISTORY_TABLE);
    }

    public static int migrate(DataSource dataSource, String historyTable) {
        return migrate(dataSource, historyTable, DEFAULT_BASELINE_VERSION);
    }

    /**
     * As {@link #migrate(DataSource, String)}, baselining a schema without hub history at {@code baselineVersion}:
     * for a database whose hub tables up to that version were applied by another tool (for example a host's own
     * Flyway, when the hub's scripts still lived under {@code db/migration/cmohub}).
     */
    public static int migrate(DataSource dataSource, String historyTable, String baselineVersion) {
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
                .baselineVersion(baselineVersion)
                // The routes jar and the coordination jar each bring their own scripts (V1, V6, V7 and V2 to V5):
                // a host that starts with routes alone and adds coordination later gets V2 to V5 after V7.
                .outOfOrder(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
