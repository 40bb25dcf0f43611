package io.cmohub.emvs.simulator;

import javax.sql.DataSource;

class EuHubContractOnPostgresTest extends EuHubContractTest {
    @Override
    DataSource database() {
        return TestDatabases.postgres();
    }
}
