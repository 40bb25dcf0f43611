package io.cmohub.routes.coordination;

import io.cmohub.routes.TestDatabases;
import javax.sql.DataSource;

class CoordinationOnPostgresTest extends CoordinationTest {
    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
