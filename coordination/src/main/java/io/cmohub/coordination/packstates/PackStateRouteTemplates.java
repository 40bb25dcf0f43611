package io.cmohub.coordination.packstates;

import io.cmohub.euhub.EuHubGateway;
import io.cmohub.routes.templates.RouteTemplateDescriptor;
import io.cmohub.routes.templates.TemplateParameter;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.RouteTemplateContext;

/**
 * The route template {@value #ID} for embedding hosts: pack-state queries (JSON or CSV) from any Camel
 * endpoint, asked through the host's EU Hub gateway bean, each answer published to any endpoint as a
 * canonical {@code PackState} CloudEvent, then the query's {@code PackStateSummary}. Add this builder
 * to a CamelContext and create routes from it in Java, YAML or XML, as with
 * {@link io.cmohub.routes.templates.CmoHubRouteTemplates}. No database is needed: a query is asked
 * while its message is in hand, so the endpoint's redelivery is what resumes it after a failure.
 */
public final class PackStateRouteTemplates extends RouteBuilder {
    public static final String ID = "cmohub-eu-hub-pack-states";
    /** Header on a refused query sent to {@code rejectedUri}: the reasons, one per line. */
    public static final String REJECTION_HEADER = "CmoHubRejectionReasons";
    /** Header naming who asked, recorded in the summary's {@code requestedBy}; default: the route's id. */
    public static final String REQUESTED_BY_HEADER = "CmoHubRequestedBy";

    public static final RouteTemplateDescriptor DESCRIPTOR = new RouteTemplateDescriptor(ID, "EU Hub pack-state queries",
            "Takes each message of any Camel endpoint as one pack-state query (JSON {\"packs\": [...]} or, with Content-Type text/csv or a "
                    + "file name ending .csv, a CSV product,serial[,market]), asks the EU Hub through the host's gateway bean in bulk chunks, "
                    + "sends one PackState CloudEvent per found pack and then the PackStateSummary to the publish endpoint. While the Hub's "
                    + "circuit is open the query waits and resumes; a refused query goes to the rejected endpoint with its reasons.",
            List.of(
                    TemplateParameter.required("fromUri", "Camel endpoint delivering queries, one per message: a jms: queue, a file: folder, "
                            + "an HTTP endpoint."),
                    TemplateParameter.required("publishUri", "Camel endpoint each event is sent to, one message per event: CloudEvents JSON "
                            + "body and the cmohub* headers; ${entity} in the URI becomes pack-state or pack-state-summary."),
                    TemplateParameter.required("rejectedUri", "Camel endpoint a refused query is sent to, with its original body and the "
                            + "header CmoHubRejectionReasons (one reason per line, each naming the entry or CSV line)."),
                    TemplateParameter.optional("euHub", "euHubGateway", "Registry name of the EuHubGateway bean; use a ResilientEuHubGateway, "
                            + "whose rate limit, retries and circuit breaker keep the query from flooding the Hub."),
                    TemplateParameter.optional("maxPacks", Integer.toString(HubPackStates.DEFAULT_MAX_PACKS), "The most packs one query may ask."),
                    TemplateParameter.optional("chunkSize", "1000", "Packs per bulk Hub call (1 to 1000)."),
                    TemplateParameter.optional("resumeAfterMs", "5000", "How long the query waits before asking again when the Hub could "
                            + "not be asked (circuit open, rate limit, failure)."),
                    TemplateParameter.optional("maxWaitMs", "300000", "How long one query waits for the Hub in all; then the exchange fails "
                            + "and the endpoint's redelivery asks it again later.")));

    @Override
    public void configure() {
        var template = routeTemplate(ID).description(DESCRIPTOR.description());
        for (TemplateParameter p : DESCRIPTOR.parameters()) {
            template.templateParameter(p.name(), p.required() ? null : p.defaultValue(), p.description());
        }
        template.templateBean("cmohubPackStateStep", Processor.class, PackStateRouteTemplates::step)
                .from("{{fromUri}}")
                .process("{{cmohubPackStateStep}}");
    }

    private static Processor step(RouteTemplateContext rtc) {
        CamelContext camel = rtc.getCamelContext();
        String hubName = parameter(rtc, "euHub");
        EuHubGateway hub = camel.getRegistry().lookupByNameAndType(hubName, EuHubGateway.class);
        if (hub == null) {
            throw new IllegalArgumentException("route template " + ID + ": no EuHubGateway bean named '" + hubName + "' in the registry");
        }
        return new PackStateTemplateStep(camel, hub, new PackStateQueryParser(Integer.parseInt(parameter(rtc, "maxPacks"))), parameter(rtc, "publishUri"),
                parameter(rtc, "rejectedUri"), Integer.parseInt(parameter(rtc, "chunkSize")), Duration.ofMillis(Long.parseLong(parameter(rtc, "resumeAfterMs"))),
                Duration.ofMillis(Long.parseLong(parameter(rtc, "maxWaitMs"))));
    }

    /** A parameter as given (placeholders resolved), else its declared default. */
    private static String parameter(RouteTemplateContext rtc, String name) {
        Object value = rtc.getProperty(name);
        String text = value == null || value.toString().isBlank() ? DESCRIPTOR.parameter(name).orElseThrow().defaultValue() : value.toString().trim();
        return rtc.getCamelContext().resolvePropertyPlaceholders(text);
    }
}
