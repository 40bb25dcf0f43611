package io.cmohub.routes;

import io.cmohub.routes.templates.CmoHubSchema;
import io.cmohub.testsupport.TestDatabases;
import javax.sql.DataSource;

/**
 * Real databases with the hub's schema applied by its own Flyway ({@link CmoHubSchema}): every migration
 * on the test classpath, so a module that adds migrations (coordination) gets its tables too.
 */
public final class HubDatabases {
    private HubDatabases() {
    }

    public static DataSource h2() {
        return TestDatabases.h2(CmoHubSchema::migrate);
    }

    public static DataSource postgres() {
        return TestDatabases.postgres(CmoHubSchema::migrate);
    }
}
