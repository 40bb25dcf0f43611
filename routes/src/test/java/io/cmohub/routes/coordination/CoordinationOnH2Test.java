package io.cmohub.routes.coordination;

import io.cmohub.routes.TestDatabases;
import javax.sql.DataSource;

class CoordinationOnH2Test extends CoordinationTest {
    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
