package io.cmohub.euhub.simulator;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Creates and seeds the simulator's tables with Flyway, from {@code io/cmohub/euhub/simulator/db}: not
 * under {@code db/migration}, where a host application's own Flyway would find them and take them
 * for its own versions.
 */
public final class SimulatorDatabase {
    /** Flyway location of the schema (V1) and the seed data set (V2). */
    public static final String MIGRATIONS = "classpath:io/cmohub/euhub/simulator/db";
    /** A history table of its own, so the simulator can live in the hub's database and schema. */
    public static final String HISTORY_TABLE = "emvs_simulator_schema_history";

    private SimulatorDatabase() {
    }

    /**
     * Applies the simulator's migrations. The schema may already hold other tables (the hub's), so a
     * missing history table is baselined at version 0 and V1, V2 still run.
     */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /** A fresh, seeded in-memory H2 database that lives as long as the JVM. */
    public static DataSource inMemoryH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:emvs-simulator-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(h2);
        return h2;
    }
}
