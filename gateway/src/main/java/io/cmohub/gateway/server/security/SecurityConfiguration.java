package io.cmohub.gateway.server.security;

import io.cmohub.gateway.server.wiring.CmoHubProperties;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the API authentication filter and settles the admin key. */
@Configuration
public class SecurityConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** One set of buckets for the API and the call-back: a source refused on one is refused on both. */
    @Bean
    RequestThrottle requestThrottle(CmoHubProperties properties) {
        return new RequestThrottle(properties.getRateLimit().getFailedAuthenticationsPerMinute(), properties.getRateLimit().getRequestsPerMinute());
    }

    @Bean
    DenialLog denialLog(JdbcAuditTrail audit, CmoHubProperties properties) {
        return new DenialLog(audit, properties.getRateLimit().getDenialAuditInterval());
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(JdbcPartnerDirectory partners, RequestThrottle throttle, DenialLog denials,
                                                                              io.cmohub.gateway.server.people.PersonLookup people,
                                                                              CmoHubProperties properties, io.cmohub.spring.boot.CmoHubProperties hub,
                                                                              io.cmohub.gateway.server.wiring.AlertProperties alerts) throws IOException {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiAuthenticationFilter(partners, adminKey(properties, hub.getDataDir()), alerts.getIntakeKeys(), throttle, denials, people));
        // The actuator too: health status stays open for load balancers, its details and every other endpoint are the admin's.
        registration.addUrlPatterns("/api/*", "/actuator/*");
        return registration;
    }

    /** The configured admin key, or one generated once and kept (owner-readable only) in the data directory ({@code cmohub.data-dir}). */
    public static String adminKey(CmoHubProperties properties, Path dataDir) throws IOException {
        String configured = properties.getAdmin().getApiKey();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return SecretFile.readOrCreate(dataDir.resolve("admin-api-key"), io.cmohub.routes.partner.ApiKeyRule::generate, "the admin API key");
    }
}
