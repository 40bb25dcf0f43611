package io.cmohub.coordination.packstates;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class PackStateQueriesOnH2Test extends PackStateQueriesTest {
    @Override
    DataSource database() {
        return TestDatabases.h2(CmoHubSchema::migrate);
    }
}
