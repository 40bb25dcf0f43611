package io.cmohub.coordination.alert;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class AlertIntakeOnH2Test extends AlertIntakeTest {
    @Override
    DataSource database() {
        return TestDatabases.h2(CmoHubSchema::migrate);
    }
}
