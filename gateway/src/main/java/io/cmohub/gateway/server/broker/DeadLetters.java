package io.cmohub.gateway.server.broker;

import io.cmohub.routes.publish.EventHeaders;
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

    /** Moves every dead letter of the route back to its subscription queue, one transaction per message; returns how many. */
    public int replay(String route) throws JMSException {
        int moved = 0;
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(SubscriptionQueues.DEAD_LETTER_PREFIX + route));
            MessageProducer producer = session.createProducer(session.createQueue(SubscriptionQueues.fqqn(route)));
            Message message;
            while ((message = consumer.receive(500)) != null) {
                TextMessage copy = session.createTextMessage(((TextMessage) message).getText());
                for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
                    String name = (String) names.nextElement();
                    if (name.startsWith("cmohub")) {
                        copy.setObjectProperty(name, message.getObjectProperty(name));
                    }
                }
                copy.removeProperty(EventHeaders.DUPLICATE_ID);
                producer.send(copy);
                session.commit();
                moved++;
            }
        }
        return moved;
    }
}
