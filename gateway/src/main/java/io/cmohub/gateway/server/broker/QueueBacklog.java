package io.cmohub.gateway.server.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Depth and oldest-message age of the gateway's internal queues, sampled from the broker (Artemis
 * core API: a queue query, and the queue's {@code firstMessageAge} through the management address;
 * browsing the head instead fails on the registry queue's large messages). Sampled on a
 * timer rather than per scrape, so a metrics scrape or a health probe never opens a broker session.
 */
public final class QueueBacklog {
    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    /** One queue's backlog when it was sampled; the oldest message's age is zero for an empty queue. */
    public record Sample(String queue, long messages, Duration oldestAge, Instant sampledAt) {
    }

    private final ActiveMQConnectionFactory connectionFactory;
    private final String user;
    private final String password;
    private final List<String> queues;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    public QueueBacklog(ActiveMQConnectionFactory connectionFactory, String user, String password, List<String> queues) {
        this.connectionFactory = connectionFactory;
        this.user = user;
        this.password = password;
        this.queues = List.copyOf(queues);
    }

    public List<String> queues() {
        return queues;
    }

    /** The last sample of the queue; empty until the first. */
    public java.util.Optional<Sample> sample(String queue) {
        return java.util.Optional.ofNullable(samples.get(queue));
    }

    /** The broker's age of the queue's first message; zero when the broker does not say (e.g. management not permitted). */
    private static Duration firstMessageAge(ClientSession session, ClientRequestor management, String queue) throws Exception {
        ClientMessage request = session.createMessage(false);
        ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "firstMessageAge");
        ClientMessage reply = management.request(request, 5_000);
        if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
            return Duration.ZERO;
        }
        Object result = ManagementHelper.getResult(reply);
        return result instanceof Number millis ? Duration.ofMillis(Math.max(0, millis.longValue())) : Duration.ZERO;
    }

    /** Samples every queue (missing queues count as empty). */
    public void refresh() throws Exception {
        List<Sample> fresh = new ArrayList<>();
        try (ClientSessionFactory factory = connectionFactory.getServerLocator().createSessionFactory();
             ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            session.start();
            ClientRequestor management = new ClientRequestor(session, MANAGEMENT_ADDRESS);
            try {
                for (String queue : queues) {
                    ClientSession.QueueQuery query = session.queueQuery(SimpleString.of(queue));
                    long messages = query.isExists() ? query.getMessageCount() : 0;
                    Duration age = messages == 0 ? Duration.ZERO : firstMessageAge(session, management, queue);
                    fresh.add(new Sample(queue, messages, age, Instant.now()));
                }
            } finally {
                management.close();
            }
        }
        fresh.forEach(s -> samples.put(s.queue(), s));
    }
}
