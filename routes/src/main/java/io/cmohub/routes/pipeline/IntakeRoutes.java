package io.cmohub.routes.pipeline;

import org.apache.camel.builder.RouteBuilder;

/**
 * The intake and processing routes, in plain Camel. Endpoints come from properties so any host
 * can choose its components:
 *
 * <ul>
 *   <li>{@code cmohub.dispatch.uri}: the durable work queue of received documents (the gateway
 *       uses a transacted JMS queue); route {@code cmohub-process} processes each document id;</li>
 *   <li>{@code cmohub.intake.jms.uri}: documents sent as JMS messages, partner and format in the
 *       headers {@value #PARTNER_HEADER} and {@value #FORMAT_HEADER};</li>
 *   <li>{@code cmohub.inbox.uri}: a watched folder {@code inbox/<partner>/}; a file is moved to
 *       {@code inbox/<partner>/done/} or {@code failed/} (the endpoint's {@code move} option uses
 *       the {@value #INBOX_TARGET_HEADER} header) only after its outcome is recorded, and stays in
 *       place for another attempt when the hub itself failed.</li>
 * </ul>
 */
public final class IntakeRoutes extends RouteBuilder {
    public static final String PARTNER_HEADER = "CmoHubPartner";
    public static final String FORMAT_HEADER = "CmoHubFormat";
    public static final String DOCUMENT_ID_HEADER = "CmoHubDocumentId";
    /** Set by the inbox route: where the file goes, {@code <partner>/done/<name>} or {@code <partner>/failed/<name>}. */
    public static final String INBOX_TARGET_HEADER = "CmoHubInboxTarget";

    private final DocumentIntake intake;
    private final DocumentProcessor processor;
    private final InboxFormats inboxFormats;
    private final io.cmohub.routes.store.JdbcDocumentRegistry registry;

    public IntakeRoutes(DocumentIntake intake, DocumentProcessor processor, InboxFormats inboxFormats,
                        io.cmohub.routes.store.JdbcDocumentRegistry registry) {
        this.intake = intake;
        this.processor = processor;
        this.inboxFormats = inboxFormats;
        this.registry = registry;
    }

    /** JMS delivery counter (1-based), set by the broker on every redelivery. */
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    @Override
    public void configure() {
        // A document is given up (REJECTED with the failure as its reason: kept, audited, replayable) after
        // the last attempt instead of vanishing into the broker's dead-letter address. Attempts are counted
        // in the database, so a document that kills its processor is given up across restarts too; sources
        // without a delivery count give up at once.
        int maxAttempts = getContext().getPropertiesComponent().resolveProperty("cmohub.dispatch.max-attempts").map(Integer::parseInt).orElse(1);
        from("{{cmohub.dispatch.uri}}").routeId("cmohub-process")
                .onException(Exception.class)
                    .onWhen(exchange -> {
                        // The database or broker is down: not the document's fault. The message is rolled back and
                        // redelivered; past the broker's last delivery it waits in the dead-letter queue, and the sweeper
                        // picks the stalled document up again once processing can work.
                        if (InfrastructureFailure.is(exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class))) {
                            return false;
                        }
                        Integer count = exchange.getMessage().getHeader(DELIVERY_COUNT, Integer.class);
                        return count == null || count >= maxAttempts || processor.attempts(exchange.getMessage().getBody(String.class)) >= maxAttempts;
                    })
                    .handled(true)
                    .process(exchange -> processor.giveUp(exchange.getMessage().getBody(String.class),
                            exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class), maxAttempts))
                .end()
                .process(exchange -> processor.process(exchange.getMessage().getMandatoryBody(String.class), maxAttempts));

        // A document registered but never picked up (its dispatch message could not be sent), or PROCESSING
        // without progress for longer than any processing should stall (its processor or node died, its
        // dispatch message went to the dead-letter address), is sent again: it continues or is given up.
        long sweepMillis = getContext().getPropertiesComponent().resolveProperty("cmohub.sweeper.period-ms").map(Long::parseLong).orElse(60_000L);
        long stalledMillis = getContext().getPropertiesComponent().resolveProperty("cmohub.sweeper.stalled-after-ms").map(Long::parseLong)
                .orElse(10 * sweepMillis);
        from("timer:cmohub-sweeper?delay=" + sweepMillis + "&period=" + sweepMillis).routeId("cmohub-sweeper")
                .process(exchange -> {
                    java.time.Instant now = java.time.Instant.now();
                    java.util.List<String> due = new java.util.ArrayList<>();
                    registry.receivedBefore(now.minusMillis(sweepMillis)).forEach(d -> due.add(d.documentId()));
                    registry.processingStalledSince(now.minusMillis(stalledMillis)).forEach(d -> due.add(d.documentId()));
                    exchange.getMessage().setBody(due);
                })
                .split(body())
                    .to("{{cmohub.dispatch.uri}}")
                .end();

        from("{{cmohub.intake.jms.uri}}").routeId("cmohub-intake-jms")
                .process(new JmsMessageIntake(intake, processor)::receive)
                .filter(header(DOCUMENT_ID_HEADER).isNotNull())
                .setBody(header(DOCUMENT_ID_HEADER))
                .to("{{cmohub.dispatch.uri}}");

        // A file inbox is screened by the guard before the file component reads an entry (links, devices, unsafe names).
        String inboxUri = getContext().resolvePropertyPlaceholders("{{cmohub.inbox.uri}}");
        if (inboxUri.startsWith("file:")) {
            getContext().getRegistry().bind(InboxGuard.BEAN_NAME, new InboxGuard(intake, processor, inboxFormats, java.time.Duration.ofSeconds(2)));
            inboxUri = inboxUri + (inboxUri.contains("?") ? "&" : "?") + "filter=#" + InboxGuard.BEAN_NAME;
        }
        InboxFileIntake inbox = new InboxFileIntake(intake, processor, inboxFormats);
        from(inboxUri).routeId("cmohub-intake-inbox")
                .process(inbox::receive);
    }
}
