package io.cmohub.routes.publish;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.cmohub.model.codec.CanonicalJson;
import io.cmohub.model.event.CanonicalEvent;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import io.cmohub.model.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes each event as a persistent JMS text message (CloudEvents JSON) to the topic
 * {@code <prefix><entity>}, a whole batch in one local JMS transaction. Plain Jakarta JMS: it works
 * with any provider; with Artemis the {@code _AMQ_DUPL_ID} property makes re-publication after a
 * crash harmless.
 */
public final class JmsEventPublisher implements EventPublisher, AutoCloseable {
    public static final String DEFAULT_TOPIC_PREFIX = "cmohub.events.";

    private final ConnectionFactory connectionFactory;
    private final String topicPrefix;
    private final ObjectWriter json = CanonicalJson.mapper().writer();
    private Connection connection;

    public JmsEventPublisher(ConnectionFactory connectionFactory, String topicPrefix) {
        this.connectionFactory = connectionFactory;
        this.topicPrefix = topicPrefix;
    }

    @Override
    public void publish(List<CanonicalEvent> batch, String documentId) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        try {
            sendInOneTransaction(batch, documentId);
        } catch (JMSException e) {
            if (!isDuplicateRejection(e)) {
                closeConnection();
                throw e;
            }
            // The broker has already seen some of these ids (a crash struck between its commit and the
            // ledger's) and dropped the whole transaction. Send one event per transaction so that the
            // events it has already seen are dropped and the others go through.
            for (CanonicalEvent event : batch) {
                try {
                    sendInOneTransaction(List.of(event), documentId);
                } catch (JMSException single) {
                    if (!isDuplicateRejection(single)) {
                        closeConnection();
                        throw single;
                    }
                }
            }
        }
    }

    private void sendInOneTransaction(List<CanonicalEvent> events, String documentId) throws Exception {
        try (Session session = connection().createSession(true, Session.SESSION_TRANSACTED)) {
            try {
                // One producer per topic and session: looking a destination up, or sending through an
                // anonymous producer, costs a broker round trip per message.
                Map<EntityType, MessageProducer> producers = new EnumMap<>(EntityType.class);
                for (CanonicalEvent event : events) {
                    TextMessage message = session.createTextMessage(json.writeValueAsString(event));
                    for (Map.Entry<String, String> header : EventHeaders.of(event, documentId).entrySet()) {
                        message.setStringProperty(header.getKey(), header.getValue());
                    }
                    MessageProducer producer = producers.get(event.entityType());
                    if (producer == null) {
                        producer = session.createProducer(session.createTopic(topicPrefix + event.entityType().wireName()));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        producers.put(event.entityType(), producer);
                    }
                    producer.send(message);
                }
                session.commit();
            } catch (Exception e) {
                rollbackQuietly(session);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException ignored) {
            // the transaction is void either way; the original failure is what the caller needs
        }
    }

    /** Artemis reports a duplicate-detection rejection with an ActiveMQDuplicateIdException cause; matched by name to stay provider-neutral. */
    static boolean isDuplicateRejection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("ActiveMQDuplicateIdException")) {
                return true;
            }
        }
        return false;
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            connection = connectionFactory.createConnection();
        }
        return connection;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // the connection is being discarded because it failed; nothing more to do with it
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }
}
