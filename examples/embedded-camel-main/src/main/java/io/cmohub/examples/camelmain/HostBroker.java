package io.cmohub.examples.camelmain;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The host application's own message broker: an embedded Artemis, in-VM only. The hub publishes to
 * topics {@code sponsor.events.<entity>}; the durable queue {@value #EVENTS_QUEUE} subscribes to all of
 * them through the wildcard address {@code sponsor.events.#}, so the host's consumers read one queue and
 * nothing published while they are away is lost.
 */
public final class HostBroker implements AutoCloseable {
    public static final String TOPIC_PREFIX = "sponsor.events.";
    public static final String EVENTS_QUEUE = "sponsor.canonical-events";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final ActiveMQConnectionFactory connectionFactory;

    public HostBroker(String name) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName(name)
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://" + name.hashCode())
                .addQueueConfiguration(QueueConfiguration.of(EVENTS_QUEUE).setAddress(TOPIC_PREFIX + "#")
                        .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        broker.setConfiguration(config);
        broker.start();
        connectionFactory = new ActiveMQConnectionFactory("vm://" + name.hashCode());
    }

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void close() throws Exception {
        connectionFactory.close();
        broker.stop();
    }
}
