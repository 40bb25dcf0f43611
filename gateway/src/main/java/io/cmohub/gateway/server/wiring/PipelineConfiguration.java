package io.cmohub.gateway.server.wiring;

import io.cmohub.routes.pipeline.PipelineObserver;
import io.cmohub.routes.publish.JmsEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the gateway adds to the pipeline of {@code cmohub-spring-boot-starter}. The starter's
 * auto-configuration ({@code io.cmohub.spring.boot.CmoHubAutoConfiguration} and
 * {@code CmoHubProcessingAutoConfiguration}) creates the connector catalogue, the document store,
 * registry, event ledger, audit trail, partner directory, the JMS event publisher, the
 * {@code cmohubPipeline}, its {@code DocumentIntake} and {@code DocumentProcessor}, and the fixed
 * intake routes (because {@code cmohub.dispatch.uri} is set in application.properties), and the
 * hub's schema (its own Flyway; the gateway keeps the history table name {@code flyway_schema_history}
 * its databases always had). The gateway contributes the Micrometer observer, which the starter
 * builds into the pipeline, and Camel's JMS component, which the starter leaves to the host.
 */
@Configuration
@EnableConfigurationProperties({CmoHubProperties.class, io.cmohub.spring.boot.CmoHubProperties.class})
public class PipelineConfiguration {

    public PipelineConfiguration(io.cmohub.spring.boot.CmoHubProperties hub) {
        if (!hub.isEnabled()) {
            throw new IllegalStateException("cmohub.enabled=false switches off the starter, which is the gateway's pipeline; remove it");
        }
        // The outbound subscriptions and the dead-letter re-publication address the default topics; another prefix would split them.
        if (!JmsEventPublisher.DEFAULT_TOPIC_PREFIX.equals(hub.getPublish().getTopicPrefix())) {
            throw new IllegalStateException("cmohub.publish.topic-prefix must stay " + JmsEventPublisher.DEFAULT_TOPIC_PREFIX
                    + " in the standalone gateway (its outbound subscriptions and dead-letter handling use it); it is "
                    + hub.getPublish().getTopicPrefix());
        }
    }

    /** The pipeline's metrics at /actuator/metrics; the starter builds the single PipelineObserver bean into the pipeline. */
    @Bean
    PipelineObserver micrometerPipelineObserver(MeterRegistry meters) {
        return new MicrometerPipelineObserver(meters);
    }

    /**
     * Camel's JMS component on the gateway's broker. Transacted consumers use a local JMS session
     * transaction and no transaction manager: whatever a route sends (the dispatch queue, a sponsor
     * queue) is sent and confirmed by the broker before the consumed message is committed, so a
     * crash between the two can only repeat a hand-off, never lose one; the event id carried as the
     * duplicate-detection id lets the broker drop the repeat. (With a transaction manager and cached
     * consumers the receiving and the sending session are not guaranteed to be the same one.)
     */
    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.getConfiguration().setLazyCreateTransactionManager(false);
        // Local session transactions allow cached consumers; without this, every message opens a new session and consumer.
        jms.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
        return jms;
    }
}
