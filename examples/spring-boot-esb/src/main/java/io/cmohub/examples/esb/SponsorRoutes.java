package io.cmohub.examples.esb;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The application's own routing, as it was before cmo-hub: whatever arrives on the ESB's canonical
 * event queue is routed by entity to the systems that want it. The cmo-hub YAML route feeds that queue.
 */
@Component
public class SponsorRoutes extends RouteBuilder {
    @Override
    public void configure() {
        from("jms:queue:esb.canonical-events").routeId("esb-dispatch")
                .choice()
                    .when(header("cmohubEntity").isEqualTo("batch")).to("jms:queue:erp.batches")
                    .otherwise().to("jms:queue:qms.events");
    }
}
