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
 * The two durable subscription queues of alert coordination on the canonical topics, created before
 * the consuming routes start (like the outbound subscription queues), so that records and alerts
 * published while coordination is down wait for it.
 *
 * <p>Two queues, because an alert must never wait behind bulk data: a CMO's upload of a million
 * serials is a hundred commissioning records and ten thousand packing events, and an alert queued
 * behind them waited for the registry to work through all of them. {@link #ALERTS} carries alerts
 * and upload rejections to their own consumer; {@link #REGISTRY} carries what the batch registry
 * registers. The broker-side filters also keep out what coordination does not read: the case and
 * evidence-request events it publishes itself, and serialisation events other than commissioning
 * and its retraction (aggregation, shipping), which the registry does not hold.
 */
public enum CoordinationQueue {
    ALERTS("alerts", EventHeaders.ENTITY + " IN ('alert', 'upload-rejection')"),
    REGISTRY("registry", EventHeaders.ENTITY + " IN ('batch', 'packaging-run') OR (" + EventHeaders.ENTITY + " = 'serialisation-event' AND "
            + EventHeaders.ACTION + " IN ('COMMISSION', 'RETRACT'))");

    private final String suffix;
    private final String filter;

    CoordinationQueue(String suffix, String filter) {
        this.suffix = suffix;
        this.filter = filter;
    }

    /** The queue's name under the configured prefix, e.g. {@code cmohub.coordination.alerts}. */
    public String queue(String prefix) {
        return prefix + "." + suffix;
    }

    public String filter() {
        return filter;
    }

    /** The fully qualified queue name a JMS consumer reads from. */
    public static String fqqn(String queue) {
        return SubscriptionQueues.EVENTS_WILDCARD + "::" + queue;
    }

    /**
     * Creates both queues where missing and refuses to start on one whose filter differs (it would
     * drop or double what coordination reads).
     */
    public static void ensure(ActiveMQConnectionFactory connectionFactory, String user, String password, String prefix) throws Exception {
        try (ClientSessionFactory factory = connectionFactory.getServerLocator().createSessionFactory();
             ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            for (CoordinationQueue queue : values()) {
                SimpleString name = SimpleString.of(queue.queue(prefix));
                ClientSession.QueueQuery existing = session.queueQuery(name);
                if (existing.isExists()) {
                    String current = existing.getFilterString() == null ? null : existing.getFilterString().toString();
                    if (!queue.filter.equals(current)) {
                        throw new IllegalStateException("coordination queue " + name + " exists with filter [" + current + "], expected ["
                                + queue.filter + "]; drain and delete the queue");
                    }
                    continue;
                }
                session.createQueue(QueueConfiguration.of(name).setAddress(SubscriptionQueues.EVENTS_WILDCARD).setRoutingType(RoutingType.MULTICAST)
                        .setFilterString(queue.filter).setDurable(true));
            }
        }
    }
}
