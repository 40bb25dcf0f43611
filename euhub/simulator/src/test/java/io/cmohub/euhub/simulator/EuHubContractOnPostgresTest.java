package io.cmohub.euhub.simulator;

import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

class EuHubContractOnPostgresTest extends EuHubContractTest {
    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
