package io.cmohub.coordination.packstates;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class PackStateSweepsOnH2Test extends PackStateSweepsTest {
    @Override
    DataSource database() {
        return TestDatabases.h2(CmoHubSchema::migrate);
    }
}
