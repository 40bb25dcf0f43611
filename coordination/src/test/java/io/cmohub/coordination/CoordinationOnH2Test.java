package io.cmohub.coordination;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class CoordinationOnH2Test extends CoordinationTest {
    @Override
    DataSource database() {
        return TestDatabases.h2(CmoHubSchema::migrate);
    }
}
