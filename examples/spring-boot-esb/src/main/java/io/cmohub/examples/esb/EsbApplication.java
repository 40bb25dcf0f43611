package io.cmohub.examples.esb;

import io.cmohub.connector.CmoConnector;
import io.cmohub.connector.ConnectorCatalog;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An existing Spring Boot + Camel integration application. Adding cmo-hub took a dependency on
 * cmohub-spring-boot-starter, a few {@code cmohub.*} properties and one YAML route
 * ({@code camel/cmo-intake.yaml}). The application keeps its own say where it wants to: here it
 * allows only the CMO formats its quality unit approved, and the starter backs off its own catalogue.
 */
@SpringBootApplication
public class EsbApplication {
    /** Formats the sponsor's quality unit has validated for production use. */
    static final Set<String> APPROVED_FORMATS = Set.of("csv-batch-record", "canonical-json");

    public static void main(String[] args) {
        SpringApplication.run(EsbApplication.class, args);
    }

    @Bean
    ConnectorCatalog approvedFormats() {
        List<CmoConnector> approved = ConnectorCatalog.load(EsbApplication.class.getClassLoader()).all().stream()
                .filter(connector -> APPROVED_FORMATS.contains(connector.descriptor().id()))
                .toList();
        return ConnectorCatalog.of(approved);
    }
}
