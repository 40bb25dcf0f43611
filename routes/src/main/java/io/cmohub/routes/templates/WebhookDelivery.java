package io.cmohub.routes.templates;

import io.cmohub.routes.outbound.OutboundTarget;
import io.cmohub.routes.outbound.WebhookRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The delivery step of the {@code cmohub-outbound-webhook} template: drop events outside the target's
 * filter (for sources that cannot filter themselves), sign the rest exactly as the gateway's outbound
 * routes do ({@link WebhookRequest}) and POST them through the target's own HTTP endpoint, which
 * carries the target's timeouts. A failed POST throws, so the route's dead-letter channel retries it.
 */
final class WebhookDelivery implements AutoCloseable {
    private final OutboundTarget target;
    private final Producer producer;

    WebhookDelivery(CamelContext camel, OutboundTarget target) throws Exception {
        this.target = target;
        this.producer = WebhookRequest.endpoint(camel, target).createProducer();
        ServiceHelper.startService(producer);
    }

    /**
     * Filters and signs. A step of its own: the error handler retries only the POST, because signing
     * removes every header, the redelivery counter included, and would make the retries endless.
     */
    Processor sign() {
        return exchange -> {
            if (!target.filter().matches(exchange.getMessage().getHeaders())) {
                exchange.setRouteStop(true);
                return;
            }
            WebhookRequest.prepare(exchange, target.secret());
        };
    }

    Processor post() {
        return producer::process;
    }

    @Override
    public void close() {
        ServiceHelper.stopAndShutdownService(producer);
    }
}
