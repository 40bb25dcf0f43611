package io.cmohub.routes.outbound;

import io.cmohub.routes.publish.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

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

    /** The HTTP endpoint with the target's own timeouts (camel-http's options set them only component-wide). */
    private HttpEndpoint webhookEndpoint(OutboundTarget target) {
        // Camel caches endpoints by URI; the route's own User-Agent makes the URI (and so the timeouts) the route's own.
        String uri = target.destination() + (target.destination().contains("?") ? "&" : "?") + "userAgent=cmohub-" + target.name();
        HttpEndpoint endpoint = getContext().getEndpoint(uri, HttpEndpoint.class);
        Timeout timeout = Timeout.ofMilliseconds(target.timeoutMillis());
        endpoint.setHttpClientConfigurer(builder -> builder.setDefaultRequestConfig(requestConfig(timeout)));
        endpoint.setConnectionsPerRoute(Math.max(2, target.consumers()));
        return endpoint;
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout still applies; the alternative is per connection manager
    private static RequestConfig requestConfig(Timeout timeout) {
        return RequestConfig.custom().setConnectTimeout(timeout).setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build();
    }

    private static void prepareWebhook(Exchange exchange, OutboundTarget target) {
        var message = exchange.getMessage();
        byte[] body = message.getBody(String.class).getBytes(StandardCharsets.UTF_8);
        String eventId = message.getHeader(EventHeaders.EVENT_ID, String.class);
        String eventType = message.getHeader(EventHeaders.EVENT_TYPE, String.class);
        // Nothing of the broker's headers leaks to the receiver.
        message.removeHeaders("*");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/cloudevents+json; charset=UTF-8");
        message.setHeader("ce-id", eventId);
        message.setHeader("ce-type", eventType);
        message.setHeader(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        message.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp, body));
        message.setBody(body);
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
