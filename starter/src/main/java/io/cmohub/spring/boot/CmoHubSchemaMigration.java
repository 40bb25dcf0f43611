package io.cmohub.spring.boot;

import io.cmohub.routes.templates.CmoHubSchema;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The hub's tables, applied when this bean is created, with the hub's own Flyway instance and history
 * table ({@link CmoHubSchema}). A bean of its own so that everything touching the hub's tables at
 * start-up (the pipeline, a host's or the gateway's beans) can depend on it by name,
 * {@value #BEAN_NAME}, while it itself waits for the application's own database initialisation.
 */
public final class CmoHubSchemaMigration implements InitializingBean {
    public static final String BEAN_NAME = "cmohubSchemaMigration";
    private static final Logger LOG = LoggerFactory.getLogger(CmoHubSchemaMigration.class);

    private final DataSource dataSource;
    private final CmoHubProperties.Schema schema;

    public CmoHubSchemaMigration(DataSource dataSource, CmoHubProperties.Schema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public void afterPropertiesSet() {
        int applied = CmoHubSchema.migrate(dataSource, schema.getHistoryTable(), schema.getBaselineVersion());
        LOG.info("cmo-hub schema: {} migration(s) applied from {} (history table {})", applied, CmoHubSchema.LOCATION, schema.getHistoryTable());
    }
}
