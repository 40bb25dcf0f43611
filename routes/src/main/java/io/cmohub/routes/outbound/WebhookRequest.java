package io.cmohub.routes.outbound;

import io.cmohub.routes.publish.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * How one canonical event becomes a signed webhook request, shared by {@link OutboundRoutes} and the
 * {@code cmohub-outbound-webhook} route template so that both speak exactly the same protocol
 * (CloudEvents binary headers {@code ce-id}/{@code ce-type}, {@link WebhookSignature}).
 */
public final class WebhookRequest {
    private WebhookRequest() {
    }

    /**
     * Turns the exchange (CloudEvent JSON body, {@link EventHeaders}) into the signed POST: every
     * other header is removed so nothing of the broker or the host leaks to the receiver.
     */
    public static void prepare(Exchange exchange, String secret) {
        var message = exchange.getMessage();
        byte[] body = message.getBody(String.class).getBytes(StandardCharsets.UTF_8);
        String eventId = message.getHeader(EventHeaders.EVENT_ID, String.class);
        String eventType = message.getHeader(EventHeaders.EVENT_TYPE, String.class);
        message.removeHeaders("*");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/cloudevents+json; charset=UTF-8");
        message.setHeader("ce-id", eventId);
        message.setHeader("ce-type", eventType);
        message.setHeader(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        message.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        message.setBody(body);
    }

    /** The endpoint URI of a target: its URL plus a User-Agent naming the route, so that no two routes share one endpoint. */
    public static String endpointUri(OutboundTarget target) {
        return target.destination() + (target.destination().contains("?") ? "&" : "?") + "userAgent=cmohub-" + target.name();
    }

    /**
     * The HTTP endpoint with the target's own timeouts. camel-http sets timeouts only component-wide,
     * and Camel caches endpoints by URI; {@link #endpointUri} makes the URI (and so the timeouts) the
     * route's own.
     */
    public static HttpEndpoint endpoint(CamelContext camel, OutboundTarget target) {
        HttpEndpoint endpoint = camel.getEndpoint(endpointUri(target), HttpEndpoint.class);
        Timeout timeout = Timeout.ofMilliseconds(target.timeoutMillis());
        endpoint.setHttpClientConfigurer(builder -> builder.setDefaultRequestConfig(requestConfig(timeout)));
        endpoint.setConnectionsPerRoute(Math.max(2, target.consumers()));
        return endpoint;
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout still applies; the alternative is per connection manager
    private static RequestConfig requestConfig(Timeout timeout) {
        return RequestConfig.custom().setConnectTimeout(timeout).setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build();
    }
}
