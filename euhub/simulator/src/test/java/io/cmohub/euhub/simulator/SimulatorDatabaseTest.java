package io.cmohub.euhub.simulator;

import io.cmohub.testsupport.TestDatabases;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SimulatorDatabaseTest {

    @Test
    void theSimulatorMigratesIntoADatabaseThatAlreadyHoldsTheHubsTablesAndAgainWithoutChange() throws SQLException {
        DataSource db = TestDatabases.h2();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
            s.execute("CREATE TABLE document (document_id VARCHAR(36) PRIMARY KEY)");
        }

        SimulatorDatabase.migrate(db);
        SimulatorDatabase.migrate(db);

        assertThat(count(db, "emvs_sim_product")).isEqualTo(4);
        assertThat(count(db, "emvs_sim_pack")).isEqualTo(34);
        assertThat(count(db, "document")).isZero();
    }

    private static long count(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
