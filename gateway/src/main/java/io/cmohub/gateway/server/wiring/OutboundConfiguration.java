package io.cmohub.gateway.server.wiring;

import io.cmohub.gateway.server.broker.SubscriptionQueues;
import io.cmohub.routes.outbound.OutboundRoutes;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/** Wires the outbound routes and makes sure their subscription queues exist before the routes start. */
@Configuration
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundConfiguration {

    @Bean
    OutboundRoutes outboundRoutes(OutboundProperties properties, ConnectionFactory connectionFactory,
                                  org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties artemisProperties) throws Exception {
        SubscriptionQueues.ensure(artemis(connectionFactory), artemisProperties.getUser(), artemisProperties.getPassword(), properties.targets());
        return new OutboundRoutes(properties.targets(),
                "jms:queue:" + SubscriptionQueues.EVENTS_WILDCARD + "::" + SubscriptionQueues.QUEUE_PREFIX + "%1$s?transacted=true&concurrentConsumers=%2$d",
                "jms:queue:" + SubscriptionQueues.DEAD_LETTER_PREFIX + "%1$s");
    }

    /** The Artemis factory behind Spring's caching one, for work that must really close its consumers. */
    public static ActiveMQConnectionFactory artemis(ConnectionFactory connectionFactory) {
        ConnectionFactory target = connectionFactory instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : connectionFactory;
        if (target instanceof ActiveMQConnectionFactory artemis) {
            return artemis;
        }
        throw new IllegalStateException("the gateway needs an Artemis broker; the connection factory is a " + connectionFactory.getClass().getName());
    }
}
