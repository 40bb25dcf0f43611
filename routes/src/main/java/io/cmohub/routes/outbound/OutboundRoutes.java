package io.cmohub.routes.outbound;

import io.cmohub.routes.publish.EventHeaders;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpEndpoint;

/**
 * One route per sponsor system: take its subscription (the host creates a durable, filtered
 * subscription per target; see {@code sourceUriTemplate}), deliver, retry with exponential back-off,
 * and after the last attempt put the original event on the target's dead-letter queue, from which
 * it can be replayed.
 *
 * <p>In the templates {@code %1$s} is the target's name and {@code %2$d} its number of consumers,
 * e.g. {@code jms:queue:cmohub.events.*::cmohub.out.%1$s?transacted=true&concurrentConsumers=%2$d} and
 * {@code jms:queue:cmohub.dlq.%1$s}.
 */
public final class OutboundRoutes extends RouteBuilder {
    private final List<OutboundTarget> targets;
    private final String sourceUriTemplate;
    private final String deadLetterUriTemplate;

    public OutboundRoutes(List<OutboundTarget> targets, String sourceUriTemplate, String deadLetterUriTemplate) {
        this.targets = List.copyOf(targets);
        this.sourceUriTemplate = sourceUriTemplate;
        this.deadLetterUriTemplate = deadLetterUriTemplate;
    }

    @Override
    public void configure() {
        for (OutboundTarget target : targets) {
            var route = from(String.format(sourceUriTemplate, target.name(), target.consumers())).routeId("cmohub-outbound-" + target.name())
                    .errorHandler(deadLetterChannel(String.format(deadLetterUriTemplate, target.name(), target.consumers()))
                            .useOriginalMessage()
                            .maximumRedeliveries(target.maxAttempts() - 1)
                            .redeliveryDelay(target.initialDelayMillis())
                            .useExponentialBackOff()
                            .backOffMultiplier(2)
                            .maximumRedeliveryDelay(60_000)
                            .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                            .logExhausted(true)
                            // The dead-letter queue must take the same event again after a replay fails
                            // again; the broker's duplicate detection would silently drop it.
                            .onPrepareFailure(exchange -> exchange.getMessage().removeHeader(EventHeaders.DUPLICATE_ID)))
                    .filter(exchange -> target.filter().matches(exchange.getMessage().getHeaders()));
            switch (target.kind()) {
                case JMS -> route.to(target.destination());
                case WEBHOOK -> route
                        .process(exchange -> prepareWebhook(exchange, target))
                        .to(webhookEndpoint(target));
                case FILE -> route
                        .process(exchange -> prepareFile(exchange, target))
                        .to("file:" + target.destination() + "?tempPrefix=.writing-&fileExist=Override");
            }
        }
    }

    /** The HTTP endpoint with the target's own timeouts; see {@link WebhookRequest#endpoint}. */
    private HttpEndpoint webhookEndpoint(OutboundTarget target) {
        return WebhookRequest.endpoint(getContext(), target);
    }

    private static void prepareWebhook(Exchange exchange, OutboundTarget target) {
        WebhookRequest.prepare(exchange, target.secret());
    }

    private static void prepareFile(Exchange exchange, OutboundTarget target) throws Exception {
        var message = exchange.getMessage();
        String eventId = message.getHeader(EventHeaders.EVENT_ID, String.class);
        String entity = message.getHeader(EventHeaders.ENTITY, String.class);
        String json = message.getBody(String.class);
        boolean csv = target.fileFormat() == OutboundTarget.FileFormat.CSV;
        message.setBody(csv ? CsvEventFile.write(json) : json);
        // The event id is content-derived, so a redelivered event overwrites its own file instead of doubling it.
        message.setHeader(Exchange.FILE_NAME, entity + "/" + eventId + (csv ? ".csv" : ".json"));
    }
}
