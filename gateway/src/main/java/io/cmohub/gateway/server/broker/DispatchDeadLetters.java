package io.cmohub.gateway.server.broker;

import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.JdbcDocumentRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The broker's dead-letter queue {@value EmbeddedBrokerSettings#DEAD_LETTER_ADDRESS} for the hub's own
 * queues: dispatch messages (a document id) that failed on every delivery, typically while the database
 * was down. Listed with the state of each document, and replayed: a document not yet finished is
 * dispatched again, a finished one's message is only removed.
 */
public final class DispatchDeadLetters {
    private final ConnectionFactory connectionFactory;
    private final JdbcDocumentRegistry registry;

    public DispatchDeadLetters(ConnectionFactory connectionFactory, JdbcDocumentRegistry registry) {
        this.connectionFactory = connectionFactory;
        this.registry = registry;
    }

    /** One dead letter: its message id, the document id it carries (if it is a dispatch message) and that document's status. */
    public record DeadLetter(String messageId, String originalQueue, String documentId, String documentStatus) {
    }

    /** What replay did: documents dispatched again, messages removed because their document had finished, messages kept (not a dispatch). */
    public record Replay(int dispatched, int alreadyFinished, int kept) {
    }

    public List<DeadLetter> list(int limit) throws JMSException {
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(EmbeddedBrokerSettings.DEAD_LETTER_ADDRESS))) {
                for (Object element : Collections.list(browser.getEnumeration())) {
                    if (letters.size() >= limit) {
                        break;
                    }
                    letters.add(describe((Message) element));
                }
            }
        }
        return letters;
    }

    /** Replays what is in the queue now (a message that dead-letters again during the replay waits for the next one). */
    public Replay replay(Consumer<String> dispatch) throws JMSException {
        int waiting = list(Integer.MAX_VALUE).size();
        int dispatched = 0;
        int finished = 0;
        int kept = 0;
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            // Individual acknowledgement: a JMS client acknowledgement would also take the messages kept for the operator.
            Session session = connection.createSession(false, org.apache.activemq.artemis.api.jms.ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(EmbeddedBrokerSettings.DEAD_LETTER_ADDRESS));
            for (int i = 0; i < waiting; i++) {
                Message message = consumer.receive(500);
                if (message == null) {
                    break;
                }
                DeadLetter letter = describe(message);
                if (letter.documentId() == null) {
                    kept++; // not acknowledged: it goes back to the queue when the session closes
                    continue;
                }
                if (letter.documentStatus() != null && !letter.documentStatus().equals("RECEIVED") && !letter.documentStatus().equals("PROCESSING")) {
                    finished++;
                } else {
                    dispatch.accept(letter.documentId());
                    dispatched++;
                }
                message.acknowledge();
            }
        }
        return new Replay(dispatched, finished, kept);
    }

    private DeadLetter describe(Message message) throws JMSException {
        String original = message.getStringProperty("_AMQ_ORIG_QUEUE");
        Optional<DocumentRecord> document = Optional.empty();
        String documentId = null;
        if (message instanceof TextMessage text && text.getText() != null && text.getText().length() <= 64) {
            document = registry.find(text.getText().strip());
            documentId = document.map(DocumentRecord::documentId).orElse(null);
        }
        return new DeadLetter(message.getJMSMessageID(), original, documentId, document.map(d -> d.status().name()).orElse(null));
    }
}
