package io.cmohub.gateway.server.wiring;

import io.cmohub.gateway.server.broker.EmbeddedBrokerSettings;
import io.cmohub.gateway.server.broker.QueueBacklog;
import io.cmohub.gateway.server.broker.SubscriptionQueues;
import io.cmohub.gateway.server.coordination.CoordinationBacklog;
import io.cmohub.gateway.server.coordination.CoordinationQueue;
import io.cmohub.routes.outbound.OutboundTarget;
import io.cmohub.spring.boot.CoordinationProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The backlog an operator watches (issue 23): per internal queue its depth and the age of its oldest
 * message, open cases, overdue evidence requests and FAILED outbox messages as Micrometer gauges
 * ({@code /actuator/metrics}), and the health component {@code alertPath}, OUT_OF_SERVICE when the
 * alert queue holds more than {@code cmohub.coordination.alert-backlog.max-messages} or its oldest
 * message is older than {@code cmohub.coordination.alert-backlog.max-age}. Sampled every
 * {@code cmohub.backlog.sample-period} (5 s) by a Camel timer, never per scrape.
 */
@Configuration
@ConditionalOnProperty(name = {"cmohub.coordination.enabled", "cmohub.eu-hub.enabled"}, havingValue = "true", matchIfMissing = true)
public class BacklogConfiguration {

    @Bean
    QueueBacklog queueBacklog(ConnectionFactory connectionFactory, ArtemisProperties artemis, CoordinationProperties properties,
                              OutboundProperties outbound) {
        String prefix = properties.getEvents().getQueuePrefix();
        List<String> queues = new ArrayList<>(List.of(EmbeddedBrokerSettings.DISPATCH_QUEUE, CoordinationQueue.ALERTS.queue(prefix),
                CoordinationQueue.REGISTRY.queue(prefix), EmbeddedBrokerSettings.DEAD_LETTER_ADDRESS));
        // each outbound route's subscription queue, and its dead letters: a sponsor system that stops taking events shows here
        for (OutboundTarget target : outbound.targets()) {
            queues.add(SubscriptionQueues.QUEUE_PREFIX + target.name());
            queues.add(SubscriptionQueues.DEAD_LETTER_PREFIX + target.name());
        }
        return new QueueBacklog(OutboundConfiguration.artemis(connectionFactory), artemis.getUser(), artemis.getPassword(), queues);
    }

    @Bean
    CoordinationBacklog coordinationBacklog(DataSource dataSource) {
        return new CoordinationBacklog(dataSource);
    }

    @Bean
    MeterBinder backlogGauges(QueueBacklog queues, CoordinationBacklog coordination) {
        return registry -> {
            for (String queue : queues.queues()) {
                Gauge.builder("cmohub.queue.messages", queues, q -> q.sample(queue).map(QueueBacklog.Sample::messages).orElse(0L))
                        .tag("queue", queue).description("messages waiting in the queue").register(registry);
                Gauge.builder("cmohub.queue.oldest.age", queues, q -> q.sample(queue).map(s -> s.oldestAge().toMillis() / 1000.0).orElse(0.0))
                        .tag("queue", queue).baseUnit("seconds").description("age of the queue's oldest message").register(registry);
            }
            Gauge.builder("cmohub.cases.open", coordination, c -> c.last().openCases()).description("cases not closed").register(registry);
            Gauge.builder("cmohub.evidence.requests.overdue", coordination, c -> c.last().overdueRequests())
                    .description("evidence requests past their due time, not answered").register(registry);
            Gauge.builder("cmohub.outbox.failed", coordination, c -> c.last().failedOutbox())
                    .description("outbox messages that failed and wait for an operator").register(registry);
        };
    }

    @Bean
    RouteBuilder backlogSampling(QueueBacklog queues, CoordinationBacklog coordination) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:cmohub-backlog?period={{cmohub.backlog.sample-period:5s}}&delay=1s").routeId("cmohub-backlog")
                        .process(exchange -> {
                            queues.refresh();
                            coordination.refresh();
                        });
            }
        };
    }

    @Bean
    HealthIndicator alertPathHealthIndicator(QueueBacklog queues, CoordinationProperties properties,
                                             @Value("${cmohub.coordination.alert-backlog.max-messages:200}") long maxMessages,
                                             @Value("${cmohub.coordination.alert-backlog.max-age:60s}") Duration maxAge) {
        String alerts = CoordinationQueue.ALERTS.queue(properties.getEvents().getQueuePrefix());
        return () -> queues.sample(alerts).map(sample -> {
            boolean behind = sample.messages() > maxMessages || sample.oldestAge().compareTo(maxAge) > 0;
            return (behind ? Health.outOfService() : Health.up()).withDetail("queue", alerts).withDetail("messages", sample.messages())
                    .withDetail("oldestAgeSeconds", sample.oldestAge().toSeconds()).withDetail("maxMessages", maxMessages)
                    .withDetail("maxAgeSeconds", maxAge.toSeconds()).withDetail("sampledAt", sample.sampledAt().toString()).build();
        }).orElseGet(() -> Health.unknown().withDetail("queue", alerts).withDetail("reason", "not sampled yet").build());
    }
}
