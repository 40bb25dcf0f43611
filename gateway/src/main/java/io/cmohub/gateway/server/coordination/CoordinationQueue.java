package io.cmohub.gateway.server.coordination;

import io.cmohub.gateway.server.broker.SubscriptionQueues;
import io.cmohub.routes.publish.EventHeaders;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The durable subscription queue of alert coordination on the canonical topics. Created before the
 * consuming route starts, like the outbound subscription queues, so registry records and alerts
 * published while coordination is down wait for it. The broker-side filter keeps only the five
 * entities coordination reads; in particular the case and evidence-request events coordination
 * publishes itself never come back to it.
 */
public final class CoordinationQueue {
    /** The entities {@code CoordinationEvents} acts on (wire names of the topics). */
    public static final String FILTER = EventHeaders.ENTITY + " IN ('batch', 'packaging-run', 'serialisation-event', 'upload-rejection', 'alert')";

    private CoordinationQueue() {
    }

    /** The fully qualified queue name a JMS consumer reads from. */
    public static String fqqn(String queue) {
        return SubscriptionQueues.EVENTS_WILDCARD + "::" + queue;
    }

    public static void ensure(ActiveMQConnectionFactory connectionFactory, String user, String password, String queue) throws Exception {
        try (ClientSessionFactory factory = connectionFactory.getServerLocator().createSessionFactory();
             ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            SimpleString name = SimpleString.of(queue);
            ClientSession.QueueQuery existing = session.queueQuery(name);
            if (existing.isExists()) {
                String current = existing.getFilterString() == null ? null : existing.getFilterString().toString();
                if (!FILTER.equals(current)) {
                    throw new IllegalStateException("coordination queue " + queue + " exists with filter [" + current + "], expected [" + FILTER
                            + "]; drain and delete the queue");
                }
                return;
            }
            session.createQueue(QueueConfiguration.of(name).setAddress(SubscriptionQueues.EVENTS_WILDCARD).setRoutingType(RoutingType.MULTICAST)
                    .setFilterString(FILTER).setDurable(true));
        }
    }
}
