package io.cmohub.gateway.server.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Enumeration;

/** The dead-letter queue of an outbound route: count what is there, and move it back for another delivery attempt. */
public final class DeadLetters {
    /** Marks a replayed event: only the named route's subscription takes it. */
    public static final String REPLAY_FOR = "cmohubReplayFor";

    private final ConnectionFactory connectionFactory;

    public DeadLetters(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public int count(String route) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(SubscriptionQueues.DEAD_LETTER_PREFIX + route))) {
                Enumeration<?> messages = browser.getEnumeration();
                return Collections.list(messages).size();
            }
        }
    }

    /**
     * Sends every dead letter of the route through it again and returns how many. Each event is
     * published once more on its canonical topic, marked {@value #REPLAY_FOR}=route, which only that
     * route's subscription accepts (see {@link SubscriptionQueues}). The dead letter is acknowledged
     * only after the broker has confirmed the send, so a failure keeps it where it was.
     */
    public int replay(String route) throws JMSException {
        // Only what is there now: events that fail again during the replay go back to the dead-letter
        // queue and must wait for the next replay rather than loop.
        int waiting = count(route);
        int moved = 0;
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session receiving = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = receiving.createConsumer(receiving.createQueue(SubscriptionQueues.DEAD_LETTER_PREFIX + route));
            MessageProducer producer = sending.createProducer(null);
            producer.setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
            Message message;
            while (moved < waiting && (message = consumer.receive(500)) != null) {
                TextMessage copy = sending.createTextMessage(((TextMessage) message).getText());
                for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
                    String name = (String) names.nextElement();
                    // Only the hub's own properties: the duplicate-detection id must not come along, or the broker would drop the copy.
                    if (name.startsWith("cmohub")) {
                        copy.setObjectProperty(name, message.getObjectProperty(name));
                    }
                }
                copy.setStringProperty(REPLAY_FOR, route);
                String entity = message.getStringProperty(io.cmohub.routes.publish.EventHeaders.ENTITY);
                producer.send(sending.createTopic(io.cmohub.routes.publish.JmsEventPublisher.DEFAULT_TOPIC_PREFIX + entity), copy);
                message.acknowledge();
                moved++;
            }
        }
        return moved;
    }
}
