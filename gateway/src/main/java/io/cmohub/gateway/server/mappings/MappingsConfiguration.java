package io.cmohub.gateway.server.mappings;

import io.cmohub.connector.ConnectorCatalog;
import io.cmohub.connector.mapping.ExtraMappings;
import io.cmohub.connector.mapping.convert.ConverterRegistry;
import io.cmohub.connector.mapping.definition.MappingLoader;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.spring.boot.CmoHubProperties;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's connector catalogue: the starter's (classpath and {@code cmohub.mappings}) plus the mappings saved through the API. */
@Configuration(proxyBeanMethods = false)
public class MappingsConfiguration {

    @Bean
    JdbcMappings jdbcMappings(DataSource dataSource, JdbcAuditTrail audit) {
        return new JdbcMappings(dataSource, audit, new MappingLoader(ConverterRegistry.load(MappingsConfiguration.class.getClassLoader())));
    }

    @Bean
    ConnectorCatalog connectorCatalog(CmoHubProperties properties, JdbcMappings saved) throws IOException {
        ClassLoader classLoader = MappingsConfiguration.class.getClassLoader();
        return ConnectorCatalog.load(classLoader).plus(ExtraMappings.load(properties.getMappings(), classLoader)).withLive(saved);
    }
}
