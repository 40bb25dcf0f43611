package io.cmohub.routes.alert;

import io.cmohub.routes.TestDatabases;
import javax.sql.DataSource;

class AlertIntakeOnH2Test extends AlertIntakeTest {
    @Override
    DataSource database() {
        return TestDatabases.h2();
    }
}
