package io.cmohub.gateway.server.broker;

import io.cmohub.routes.outbound.OutboundTarget;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Creates, before any event is published, one durable subscription queue per outbound route, bound
 * to every canonical topic ({@value #EVENTS_WILDCARD}) with the route's filter as the broker-side
 * selector. Durable, so events published while a sponsor system is down wait for it; created up
 * front, so none is published before its subscriber exists. Works on the embedded and on an
 * external broker (Artemis core API).
 */
public final class SubscriptionQueues {
    public static final String EVENTS_WILDCARD = "cmohub.events.*";
    public static final String QUEUE_PREFIX = "cmohub.out.";
    public static final String DEAD_LETTER_PREFIX = "cmohub.dlq.";

    private SubscriptionQueues() {
    }

    /** The fully qualified queue name a JMS consumer of this route reads from. */
    public static String fqqn(String routeName) {
        return EVENTS_WILDCARD + "::" + QUEUE_PREFIX + routeName;
    }

    /** The route's filter, plus: a replayed event is for the route it was replayed for only. */
    static String selector(OutboundTarget target) {
        String replay = "(" + DeadLetters.REPLAY_FOR + " IS NULL OR " + DeadLetters.REPLAY_FOR + " = '" + target.name() + "')";
        String filter = target.filter().selector();
        return filter == null ? replay : replay + " AND " + filter;
    }

    /** @param user the broker user (null for the embedded broker, which runs without security) */
    public static void ensure(ActiveMQConnectionFactory connectionFactory, String user, String password, List<OutboundTarget> targets) throws Exception {
        ServerLocator locator = connectionFactory.getServerLocator();
        try (ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            for (OutboundTarget target : targets) {
                SimpleString queue = SimpleString.of(QUEUE_PREFIX + target.name());
                String filter = selector(target);
                ClientSession.QueueQuery existing = session.queueQuery(queue);
                if (existing.isExists()) {
                    String current = existing.getFilterString() == null ? null : existing.getFilterString().toString();
                    if (!java.util.Objects.equals(current, filter)) {
                        throw new IllegalStateException("subscription queue " + queue + " exists with filter [" + current + "] but route '"
                                + target.name() + "' is configured with [" + filter + "]; drain and delete the queue, or restore the filter");
                    }
                    continue;
                }
                session.createQueue(QueueConfiguration.of(queue).setAddress(EVENTS_WILDCARD).setRoutingType(RoutingType.MULTICAST)
                        .setFilterString(filter).setDurable(true));
                SimpleString deadLetter = SimpleString.of(DEAD_LETTER_PREFIX + target.name());
                if (!session.queueQuery(deadLetter).isExists()) {
                    session.createQueue(QueueConfiguration.of(deadLetter).setRoutingType(RoutingType.ANYCAST).setDurable(true));
                }
            }
        }
    }
}
