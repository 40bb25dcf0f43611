package io.cmohub.gateway.server.coordination;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one coordination queue of releases before alerts had a path of their own
 * ({@value #NAME}). It is bound to every canonical topic, so it keeps filling while it exists: at
 * start, before any route runs, what it holds is applied (coordination is idempotent, so an event
 * that also reached the new queues changes nothing the second time) and the queue is deleted. An
 * event that fails is rolled back and the queue kept, with a warning: the broker's redelivery limit
 * moves a poison message to the dead-letter address, and the next start drains the rest.
 */
public final class LegacyCoordinationQueue {
    public static final String NAME = "cmohub.coordination.events";
    private static final Logger LOG = LoggerFactory.getLogger(LegacyCoordinationQueue.class);

    /** Applies one event's CloudEvent JSON. */
    @FunctionalInterface
    public interface Applier {
        void apply(String cloudEventJson) throws Exception;
    }

    private LegacyCoordinationQueue() {
    }

    /** @return events applied; the queue is gone when this returns and nothing failed */
    public static int drainAndRemove(ActiveMQConnectionFactory connectionFactory, String user, String password, Applier applier) throws Exception {
        SimpleString name = SimpleString.of(NAME);
        try (ClientSessionFactory factory = connectionFactory.getServerLocator().createSessionFactory();
             ClientSession admin = factory.createSession(user, password, false, true, true, false, 0)) {
            if (!admin.queueQuery(name).isExists()) {
                return 0;
            }
            int applied = 0;
            // JMS for the messages (it reads text and large messages alike), the core session to delete the queue
            try (Connection connection = user == null ? connectionFactory.createConnection() : connectionFactory.createConnection(user, password);
                 Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                 MessageConsumer consumer = session.createConsumer(session.createQueue(CoordinationQueue.fqqn(NAME)))) {
                connection.start();
                for (Message message = consumer.receiveNoWait(); message != null; message = consumer.receiveNoWait()) {
                    try {
                        applier.apply(message.getBody(String.class));
                        session.commit();
                        applied++;
                    } catch (Exception e) {
                        session.rollback();
                        LOG.warn("coordination: an event of the earlier queue {} could not be applied ({}); the queue is kept and drained at the next start",
                                NAME, e.getMessage());
                        return applied;
                    }
                }
            }
            try {
                admin.deleteQueue(name);
            } catch (ActiveMQException e) {
                // e.g. a node of the earlier release still consumes it; its events are applied here at the next start
                LOG.warn("coordination: the drained queue {} could not be removed ({}); it is drained again at the next start", NAME, e.getMessage());
                return applied;
            }
            LOG.info("coordination: the queue {} of an earlier release is drained ({} event(s) applied) and removed; alerts and registry records "
                    + "have queues of their own now", NAME, applied);
            return applied;
        }
    }
}
