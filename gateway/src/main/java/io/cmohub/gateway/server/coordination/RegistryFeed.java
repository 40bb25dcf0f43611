package io.cmohub.gateway.server.coordination;

import io.cmohub.coordination.CoordinationEvents;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gateway's consumer of the registry queue ({@link CoordinationQueue#REGISTRY}): it takes the
 * events waiting on the queue in groups of up to {@code batchSize}, applies each group in one
 * database transaction ({@link CoordinationEvents#acceptCloudEvents}) and then commits the JMS
 * session once. A CMO's million-serial upload is ten thousand commissioning events; committing
 * each on its own cost a journal sync and a database commit per event, and held the registry to a
 * few hundred events per second.
 *
 * <p>The guarantees stay those of a transacted consumer: the database commits before the session,
 * so a crash in between redelivers the group, which the registry applies idempotently. A group
 * that fails is rolled back whole; the broker redelivers its messages (with the address's delay and
 * attempt limit, then the dead-letter address), and a redelivered message is applied on its own, so
 * one bad event cannot drag the events that arrived with it to the dead-letter address.
 */
public final class RegistryFeed implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryFeed.class);
    private static final long RECEIVE_TIMEOUT_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 2_000;

    private final ConnectionFactory connectionFactory;
    private final String queue;
    private final CoordinationEvents events;
    private final int batchSize;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    /**
     * {@code queue}: the fully qualified queue name ({@link CoordinationQueue#fqqn}); {@code connectionFactory}: one
     * that closes what is closed (not a caching factory, whose cached consumer would keep taking messages).
     */
    public RegistryFeed(ConnectionFactory connectionFactory, String queue, CoordinationEvents events, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("cmohub.coordination.events.registry-batch-size must be at least 1, was " + batchSize);
        }
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.events = Objects.requireNonNull(events, "events");
        this.batchSize = batchSize;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::consume, "cmohub-coordination-registry");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(RECEIVE_TIMEOUT_MILLIS * 4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Camel routes (phase 0 by default), before the web server takes requests. */
    @Override
    public int getPhase() {
        return 1;
    }

    /** Events applied (committed) since start, for tests and logs. */
    public long applied() {
        return applied.get();
    }

    /** Groups committed since start: with events waiting, far fewer than {@link #applied}. */
    public long commits() {
        return commits.get();
    }

    private void consume() {
        while (running) {
            try (Connection connection = connectionFactory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
                connection.start();
                while (running) {
                    consumeGroup(session, consumer);
                }
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    LOG.warn("registry feed from {} interrupted, reconnecting in {} ms: {}", queue, RECONNECT_MILLIS, e.toString());
                    pause();
                }
            }
        }
    }

    private void consumeGroup(Session session, MessageConsumer consumer) throws JMSException {
        Message first = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        if (first == null) {
            return;
        }
        List<Message> group = new ArrayList<>();
        Message alone = null;
        if (first.getJMSRedelivered()) {
            alone = first;
        } else {
            group.add(first);
            while (group.size() < batchSize) {
                Message next = consumer.receiveNoWait();
                if (next == null) {
                    break;
                }
                if (next.getJMSRedelivered()) {
                    alone = next; // it failed before: applied after the group, on its own
                    break;
                }
                group.add(next);
            }
        }
        int size = group.size() + (alone == null ? 0 : 1);
        try {
            if (!group.isEmpty()) {
                List<String> bodies = new ArrayList<>(group.size());
                for (Message message : group) {
                    bodies.add(body(message));
                }
                events.acceptCloudEvents(bodies);
            }
            if (alone != null) {
                events.acceptCloudEvent(body(alone));
            }
            session.commit();
            applied.addAndGet(size);
            commits.incrementAndGet();
        } catch (Exception e) {
            LOG.warn("registry group of {} event(s) from {} failed, rolled back for redelivery one by one: {}", size, queue, e.toString());
            session.rollback();
        }
    }

    private static String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        return message.getBody(String.class);
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
