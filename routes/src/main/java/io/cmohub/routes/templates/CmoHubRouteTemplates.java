package io.cmohub.routes.templates;

import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.outbound.OutboundFilter;
import io.cmohub.routes.outbound.OutboundTarget;
import io.cmohub.routes.pipeline.DocumentProcessor;
import io.cmohub.routes.publish.CamelEventPublisher;
import io.cmohub.routes.publish.EventHeaders;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.ErrorHandlerFactory;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.errorhandler.DeadLetterChannelDefinition;

/**
 * The cmo-hub route templates. Add this builder to any CamelContext (Camel Main, Spring Boot, Quarkus,
 * plain Java) and create routes from the templates in Java ({@code TemplatedRouteBuilder}), in the YAML
 * DSL ({@code templatedRoute}) or in XML ({@code <templatedRoute>}). No Spring is needed.
 *
 * <ul>
 *   <li>{@value #INTAKE_ID}: any Camel endpoint → store and register → connector → validate and
 *       authorise → deduplicate → publish (the pipeline's publisher or any endpoint);</li>
 *   <li>{@value #OUTBOUND_WEBHOOK_ID}: canonical events from any endpoint → signed webhook, with
 *       retries and a dead-letter endpoint;</li>
 *   <li>{@value #ALERT_INTAKE_ID}: alerts from any endpoint → an {@link AlertDocumentHandler} bean.</li>
 * </ul>
 *
 * Parameters are declared from the {@link RouteTemplateDescriptor}s below; docs/embedding.md lists them.
 */
public final class CmoHubRouteTemplates extends RouteBuilder {
    public static final String INTAKE_ID = "cmohub-intake";
    public static final String OUTBOUND_WEBHOOK_ID = "cmohub-outbound-webhook";
    public static final String ALERT_INTAKE_ID = "cmohub-alert-intake";
    /** The default registry name of the {@link AlertDocumentHandler} the alert template hands alerts to. */
    public static final String ALERT_INTAKE_BEAN = "cmohubAlertIntake";
    /** Header set by the intake template: the document's outcome, a DocumentState name (ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, ...). */
    public static final String STATUS_HEADER = EndpointIntake.STATUS_HEADER;

    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

    public static final RouteTemplateDescriptor INTAKE = new RouteTemplateDescriptor(INTAKE_ID, "CMO document intake",
            "Takes each message of any Camel endpoint as one document of one partner (CMO), keeps the original bytes, registers it, "
                    + "maps it with the partner's connector, validates and authorises every record, drops events published before "
                    + "and publishes the rest as CloudEvents. Sets the headers CmoHubDocumentId and CmoHubDocumentStatus.",
            List.of(
                    TemplateParameter.required("fromUri", "Camel endpoint delivering the partner's documents, one per message: a file: or sftp: "
                            + "folder, a jms: queue, an HTTP endpoint. Leave failures to the endpoint's redelivery (no moveFailed): a retried "
                            + "document takes up its earlier registration."),
                    TemplateParameter.required("partner", "Id of the registered partner the documents come from; every record is "
                            + "authorised against its products, sites and formats."),
                    TemplateParameter.optional("format", null, "Format (connector) id of the documents, e.g. csv-batch-record. "
                            + "Empty: the partner's format whose file pattern matches the file name."),
                    TemplateParameter.optional("publishUri", null, "Camel endpoint every canonical event is sent to, one message per "
                            + "event: CloudEvents JSON body and the cmohub* headers; ${entity} in the URI becomes the entity (batch, "
                            + "qc-result, ...). Empty: the pipeline's event publisher."),
                    TemplateParameter.optional("channel", "endpoint", "Channel recorded with each document (1-16 of a-z, 0-9, '-'); "
                            + "with the file name and content it recognises a redelivered document."),
                    TemplateParameter.optional("pipeline", CmoHubPipeline.BEAN_NAME, "Registry name of the CmoHubPipeline to use.")));

    public static final RouteTemplateDescriptor OUTBOUND_WEBHOOK = new RouteTemplateDescriptor(OUTBOUND_WEBHOOK_ID, "Signed webhook delivery",
            "Delivers canonical events (CloudEvents JSON body with the cmohub* headers, as the hub publishes them) to a sponsor "
                    + "system as HMAC-SHA256-signed HTTP POSTs (X-CmoHub-Signature over X-CmoHub-Timestamp and the body; ce-id, "
                    + "ce-type). Retries with exponential back-off, then sends the original event to the dead-letter endpoint.",
            List.of(
                    TemplateParameter.required("name", "Name of the target (1-63 of a-z, 0-9, '-'); sent as User-Agent cmohub-<name>."),
                    TemplateParameter.required("fromUri", "Camel endpoint delivering the events, e.g. a durable JMS subscription."),
                    TemplateParameter.required("url", "The receiver's URL (camel-http: https://... or http://...)."),
                    TemplateParameter.required("secret", "HMAC-SHA256 key shared with the receiver, at least 16 characters; never logged. "
                            + "Use a property placeholder, not a literal."),
                    TemplateParameter.required("deadLetterUri", "Camel endpoint that receives an event whose last attempt failed, "
                            + "e.g. jms:queue:cmohub.dlq.<name>."),
                    TemplateParameter.optional("maxAttempts", "5", "Delivery attempts before the event goes to the dead-letter endpoint."),
                    TemplateParameter.optional("initialDelayMs", "1000", "First retry delay in milliseconds; doubles per attempt up to a minute."),
                    TemplateParameter.optional("timeoutMs", "10000", "Connect and response timeout of one attempt in milliseconds."),
                    TemplateParameter.optional("eventTypes", null, "Comma-separated event types to deliver, e.g. io.cmohub.batch.updated.v1; empty: all."),
                    TemplateParameter.optional("partners", null, "Comma-separated partner ids to deliver; empty: all."),
                    TemplateParameter.optional("markets", null, "Comma-separated market codes (an event mentioning any of them passes); empty: all."),
                    TemplateParameter.optional("products", null, "Comma-separated product codes (an event mentioning any of them passes); empty: all.")));

    public static final RouteTemplateDescriptor ALERT_INTAKE = new RouteTemplateDescriptor(ALERT_INTAKE_ID, "Alert intake",
            "Hands every message of any Camel endpoint to an AlertDocumentHandler bean (the hub's: AlertNoticeHandler) as one alert document of the given source. "
                    + "Extension point: the alert pipeline (io.cmohub.coordination.alert) provides the implementation.",
            List.of(
                    TemplateParameter.required("fromUri", "Camel endpoint delivering alert documents, one per message."),
                    TemplateParameter.required("source", "Who sends them, e.g. eu-hub, eams or a national system's id."),
                    TemplateParameter.optional("alertIntake", ALERT_INTAKE_BEAN, "Registry name of the AlertDocumentHandler bean.")));

    /** Every template this builder declares. */
    public static final List<RouteTemplateDescriptor> ALL = List.of(INTAKE, OUTBOUND_WEBHOOK, ALERT_INTAKE);

    @Override
    public void configure() {
        declare(INTAKE)
                .templateBean("cmohubIntake", Processor.class, CmoHubRouteTemplates::intakeStep)
                .from("{{fromUri}}")
                    // the body can be read twice: once to recognise a redelivered document, once to store it
                    .streamCache("true")
                    .process("{{cmohubIntake}}");

        declare(OUTBOUND_WEBHOOK)
                .configure(CmoHubRouteTemplates::configureWebhook)
                .from("{{fromUri}}")
                    .errorHandler("{{cmohubDeadLetters}}")
                    .process("{{cmohubWebhookSign}}")
                    .process("{{cmohubWebhookPost}}");

        declare(ALERT_INTAKE)
                .templateBean("cmohubAlertStep", Processor.class, CmoHubRouteTemplates::alertStep)
                .from("{{fromUri}}")
                    .process("{{cmohubAlertStep}}");
    }

    private RouteTemplateDefinition declare(RouteTemplateDescriptor descriptor) {
        RouteTemplateDefinition template = routeTemplate(descriptor.id()).description(descriptor.description());
        for (TemplateParameter p : descriptor.parameters()) {
            if (p.required()) {
                template.templateParameter(p.name(), null, p.description());
            } else if (p.defaultValue() != null) {
                template.templateParameter(p.name(), p.defaultValue(), p.description());
            } else {
                template.templateOptionalParameter(p.name(), p.description());
            }
        }
        return template;
    }

    private static Processor intakeStep(RouteTemplateContext rtc) {
        CamelContext camel = rtc.getCamelContext();
        CmoHubPipeline pipeline = lookup(camel, text(rtc, "pipeline"), CmoHubPipeline.class, "CmoHubPipeline");
        String partner = text(rtc, "partner");
        PartnerId.of(partner); // fails the route's creation, not every message, when the id cannot exist
        String channel = text(rtc, "channel");
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("template parameter channel '" + channel + "' must be 1-16 characters of a-z, 0-9 and '-'");
        }
        String publishUri = text(rtc, "publishUri");
        DocumentProcessor processor;
        ProducerTemplate producer = null;
        if (publishUri.isEmpty()) {
            processor = pipeline.processor();
        } else {
            producer = camel.createProducerTemplate();
            processor = pipeline.processor(new CamelEventPublisher(producer, publishUri));
        }
        rtc.registerDestroyMethod("cmohubIntake", "close");
        return new EndpointIntake(pipeline.intake(), processor, pipeline.inboxFormats(), partner, text(rtc, "format"), channel, producer);
    }

    private static void configureWebhook(RouteTemplateContext rtc) {
        // Local beans made here, not with templateBean, because two of them need the same validated target.
        OutboundTarget target = new OutboundTarget(text(rtc, "name"), OutboundTarget.Kind.WEBHOOK,
                new OutboundFilter(list(rtc, "eventTypes"), list(rtc, "partners"), list(rtc, "markets"), list(rtc, "products")),
                text(rtc, "url"), text(rtc, "secret"), null, Integer.parseInt(text(rtc, "maxAttempts")),
                Long.parseLong(text(rtc, "initialDelayMs")), 1, Long.parseLong(text(rtc, "timeoutMs")));
        rtc.bind("cmohubDeadLetters", ErrorHandlerFactory.class, deadLetters(text(rtc, "deadLetterUri"), target));
        WebhookDelivery delivery;
        try {
            delivery = new WebhookDelivery(rtc.getCamelContext(), target);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the HTTP producer of webhook target " + target.name(), e);
        }
        rtc.bind("cmohubWebhookDelivery", WebhookDelivery.class, delivery);
        rtc.registerDestroyMethod("cmohubWebhookDelivery", "close");
        rtc.bind("cmohubWebhookSign", Processor.class, delivery.sign());
        rtc.bind("cmohubWebhookPost", Processor.class, delivery.post());
    }

    /** Retries with exponential back-off, then the original event to the dead-letter endpoint: the same policy as the gateway's outbound routes. */
    private static DeadLetterChannelDefinition deadLetters(String deadLetterUri, OutboundTarget target) {
        DeadLetterChannelDefinition deadLetters = new DeadLetterChannelDefinition(deadLetterUri);
        deadLetters.useOriginalMessage();
        // The dead-letter endpoint must take the same event again after a replay fails again; an Artemis
        // broker's duplicate detection would silently drop it.
        deadLetters.onPrepareFailure(exchange -> exchange.getMessage().removeHeader(EventHeaders.DUPLICATE_ID));
        deadLetters.getRedeliveryPolicy()
                .maximumRedeliveries(target.maxAttempts() - 1)
                .redeliveryDelay(target.initialDelayMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(60_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(true);
        return deadLetters;
    }

    private static Processor alertStep(RouteTemplateContext rtc) {
        AlertDocumentHandler alerts = lookup(rtc.getCamelContext(), text(rtc, "alertIntake"), AlertDocumentHandler.class, "AlertDocumentHandler");
        String source = text(rtc, "source");
        return exchange -> {
            try (InputStream content = exchange.getMessage().getMandatoryBody(InputStream.class)) {
                String id = alerts.receive(source, content, exchange.getMessage().getHeaders());
                exchange.getMessage().setHeader("CmoHubAlertId", id);
            }
        };
    }

    private static <T> T lookup(CamelContext camel, String name, Class<T> type, String what) {
        T bean = camel.getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("no " + what + " named '" + name + "' in the Camel registry; bind one before creating routes from the "
                    + "cmo-hub templates (docs/embedding.md)");
        }
        return bean;
    }

    private static String text(RouteTemplateContext rtc, String name) {
        Object value = rtc.getProperty(name);
        return value == null ? "" : value.toString().trim();
    }

    private static List<String> list(RouteTemplateContext rtc, String name) {
        String value = text(rtc, name);
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
