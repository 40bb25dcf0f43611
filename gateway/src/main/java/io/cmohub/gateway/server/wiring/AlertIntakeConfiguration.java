package io.cmohub.gateway.server.wiring;

import io.cmohub.spring.boot.EuHubProperties;
import io.cmohub.gateway.server.alerts.CallbackAuthenticationFilter;
import io.cmohub.gateway.server.alerts.HubAlertCallbackEndpoints;
import io.cmohub.coordination.alert.AlertIntake;
import io.cmohub.coordination.alert.AlertQuarantine;
import io.cmohub.coordination.alert.JdbcAlertRegistry;
import io.cmohub.coordination.alert.eams.EamsClient;
import io.cmohub.coordination.alert.eams.EamsPoller;
import io.cmohub.coordination.alert.eams.EamsRoutes;
import io.cmohub.coordination.alert.eams.EamsSettings;
import io.cmohub.coordination.alert.eams.JdbcEamsCursorStore;
import io.cmohub.coordination.alert.mail.AlertMailRoutes;
import io.cmohub.routes.audit.JdbcAuditTrail;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.cmohub.routes.store.FileSystemDocumentStore;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.xml.ws.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.cxf.Bus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Alert intake from every channel, wired from the {@code routes} library: the EU Hub call-back
 * (CXF at {@code /services/hub-alerts/v1}), the EAMS poller (route {@code cmohub-eams-poller}),
 * alert mails (route {@code cmohub-alert-mail}); the webhook is {@code AlertsController}.
 */
@Configuration
@EnableConfigurationProperties({AlertProperties.class, EamsProperties.class})
public class AlertIntakeConfiguration {

    @Bean
    JdbcAlertRegistry alertRegistry(DataSource dataSource) {
        return new JdbcAlertRegistry(dataSource);
    }

    @Bean
    AlertIntake alertIntake(DataSource dataSource, JdbcAlertRegistry registry, JmsEventPublisher publisher, JdbcAuditTrail audit, AlertProperties properties) {
        return new AlertIntake(dataSource, registry, publisher, audit, properties.getMatchWindow());
    }

    @Bean
    AlertQuarantine alertQuarantine(FileSystemDocumentStore store, JdbcDocumentRegistry registry, JdbcAuditTrail audit,
                                    io.cmohub.spring.boot.CmoHubProperties properties) {
        return new AlertQuarantine(store, registry, audit, properties.getMaxDocumentBytes());
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "cmohub.eu-hub.callback.enabled", havingValue = "true", matchIfMissing = true)
    Endpoint hubAlertCallbackEndpoint(Bus bus, AlertIntake intake, AlertQuarantine quarantine, EuHubProperties properties) {
        return HubAlertCallbackEndpoints.publish(bus, intake, quarantine, properties.getCallback().getMaxBytes());
    }

    @Bean
    @ConditionalOnProperty(name = "cmohub.eu-hub.callback.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<CallbackAuthenticationFilter> callbackAuthenticationFilter(io.cmohub.gateway.server.security.RequestThrottle throttle,
                                                                                      io.cmohub.gateway.server.security.DenialLog denials,
                                                                                      EuHubProperties properties,
                                                                                      CmoHubProperties gateway,
                                                                                      io.cmohub.spring.boot.CmoHubProperties hub,
                                                                                      org.springframework.core.env.Environment environment) throws IOException {
        FilterRegistrationBean<CallbackAuthenticationFilter> registration = new FilterRegistrationBean<>(new CallbackAuthenticationFilter(throttle, denials,
                properties.getCallback().getApiKey(), io.cmohub.gateway.server.security.SecurityConfiguration.adminKey(gateway, hub.getDataDir()),
                properties.getCallback().getCertificateSubject()));
        registration.addUrlPatterns(HubAlertCallbackEndpoints.servletPattern(environment.getProperty("cxf.path", "/services")));
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "cmohub.eams.enabled", havingValue = "true")
    EamsClient eamsClient(EamsProperties p) {
        if (p.getBaseUrl() == null || p.getBaseUrl().isBlank()) {
            throw new IllegalStateException("cmohub.eams.base-url is required when cmohub.eams.enabled=true");
        }
        return new EamsClient(new EamsSettings(URI.create(p.getBaseUrl()), p.getBearerToken().isBlank() ? null : p.getBearerToken(), p.getPageSize(),
                p.getMaxPagesPerPoll(), p.getInitialLookback(), p.getSettleTime(), p.getConnectTimeout(), p.getRequestTimeout()));
    }

    @Bean
    @ConditionalOnProperty(name = "cmohub.eams.enabled", havingValue = "true")
    EamsPoller eamsPoller(EamsClient client, DataSource dataSource, AlertIntake intake, AlertQuarantine quarantine, EamsProperties p) {
        return new EamsPoller(p.getPollerName(), client, new JdbcEamsCursorStore(dataSource), intake, quarantine, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "cmohub.eams.enabled", havingValue = "true")
    EamsRoutes eamsRoutes(EamsPoller poller) {
        return new EamsRoutes(poller);
    }

    @Bean
    @ConditionalOnProperty(name = "cmohub.alerts.mail.enabled", havingValue = "true")
    AlertMailRoutes alertMailRoutes(AlertIntake intake, AlertQuarantine quarantine, AlertProperties alerts) {
        return new AlertMailRoutes(intake, quarantine, alerts.getMail().getMaxBytes());
    }
}
