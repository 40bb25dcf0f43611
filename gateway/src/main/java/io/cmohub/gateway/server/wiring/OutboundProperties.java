package io.cmohub.gateway.server.wiring;

import io.cmohub.routes.outbound.OutboundFilter;
import io.cmohub.routes.outbound.OutboundTarget;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound routes to sponsor systems ({@code cmohub.outbound.routes[n].*}). Example:
 * <pre>
 * cmohub.outbound.routes[0].name=qms
 * cmohub.outbound.routes[0].kind=WEBHOOK
 * cmohub.outbound.routes[0].destination=https://qms.example/hooks/cmohub
 * cmohub.outbound.routes[0].secret=...
 * cmohub.outbound.routes[0].event-types=io.cmohub.batch.updated.v1
 * cmohub.outbound.routes[0].markets=DE,FR
 * </pre>
 */
@ConfigurationProperties("cmohub.outbound")
public class OutboundProperties {
    private List<Route> routes = new ArrayList<>();

    public List<Route> getRoutes() {
        return routes;
    }

    public void setRoutes(List<Route> routes) {
        this.routes = routes;
    }

    public List<OutboundTarget> targets() {
        return routes.stream().map(Route::target).toList();
    }

    public static class Route {
        /** Route name (a-z, 0-9, '-'): names its subscription queue cmohub.out.NAME and dead-letter queue cmohub.dlq.NAME. */
        private String name;
        /** JMS, WEBHOOK or FILE. */
        private OutboundTarget.Kind kind;
        /** JMS: Camel endpoint URI (jms:queue:x); WEBHOOK: URL; FILE: directory. */
        private String destination;
        /** WEBHOOK: HMAC-SHA256 key shared with the receiver, at least 16 characters. */
        private String secret;
        /** FILE: JSON or CSV. */
        private OutboundTarget.FileFormat fileFormat = OutboundTarget.FileFormat.JSON;
        /** Deliveries tried before the event goes to the dead-letter queue. */
        private int maxAttempts = 5;
        /** First retry delay in milliseconds; doubles per attempt up to one minute. */
        private long initialDelayMs = 1000;
        /** WEBHOOK: timeout of one attempt in milliseconds; a slower receiver counts as a failed attempt. */
        private long timeoutMs = 10_000;
        /** Parallel deliveries; 1 (the default) keeps the publication order, more trade order for throughput. */
        private int consumers = 1;
        /** CloudEvents types to deliver; empty for all. */
        private List<String> eventTypes = new ArrayList<>();
        /** Partners whose events to deliver; empty for all. */
        private List<String> partners = new ArrayList<>();
        /** Markets (ISO codes) to deliver; empty for all. */
        private List<String> markets = new ArrayList<>();
        /** Product codes to deliver; empty for all. */
        private List<String> products = new ArrayList<>();

        OutboundTarget target() {
            return new OutboundTarget(name, kind, new OutboundFilter(eventTypes, partners, markets, products), destination, secret, fileFormat,
                    maxAttempts, initialDelayMs, consumers, timeoutMs);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public OutboundTarget.Kind getKind() {
            return kind;
        }

        public void setKind(OutboundTarget.Kind kind) {
            this.kind = kind;
        }

        public String getDestination() {
            return destination;
        }

        public void setDestination(String destination) {
            this.destination = destination;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public OutboundTarget.FileFormat getFileFormat() {
            return fileFormat;
        }

        public void setFileFormat(OutboundTarget.FileFormat fileFormat) {
            this.fileFormat = fileFormat;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public long getInitialDelayMs() {
            return initialDelayMs;
        }

        public void setInitialDelayMs(long initialDelayMs) {
            this.initialDelayMs = initialDelayMs;
        }

        public long getTimeoutMs() {
            return timeoutMs;
        }

        public void setTimeoutMs(long timeoutMs) {
            this.timeoutMs = timeoutMs;
        }

        public int getConsumers() {
            return consumers;
        }

        public void setConsumers(int consumers) {
            this.consumers = consumers;
        }

        public List<String> getEventTypes() {
            return eventTypes;
        }

        public void setEventTypes(List<String> eventTypes) {
            this.eventTypes = eventTypes;
        }

        public List<String> getPartners() {
            return partners;
        }

        public void setPartners(List<String> partners) {
            this.partners = partners;
        }

        public List<String> getMarkets() {
            return markets;
        }

        public void setMarkets(List<String> markets) {
            this.markets = markets;
        }

        public List<String> getProducts() {
            return products;
        }

        public void setProducts(List<String> products) {
            this.products = products;
        }
    }
}
