package io.cmohub.routes.pipeline;

import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.DocumentTooLargeException;
import java.io.InputStream;
import org.apache.camel.Exchange;
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
        // After the last delivery the broker allows, a document that still cannot be processed is
        // rejected with the failure as its reason (kept, audited, replayable) instead of vanishing
        // into the broker's dead-letter address. Sources without a delivery count give up at once.
        int maxAttempts = getContext().getPropertiesComponent().resolveProperty("cmohub.dispatch.max-attempts").map(Integer::parseInt).orElse(1);
        from("{{cmohub.dispatch.uri}}").routeId("cmohub-process")
                .onException(Exception.class)
                    .onWhen(exchange -> {
                        Integer count = exchange.getMessage().getHeader(DELIVERY_COUNT, Integer.class);
                        return count == null || count >= maxAttempts;
                    })
                    .handled(true)
                    .process(exchange -> processor.giveUp(exchange.getMessage().getBody(String.class),
                            exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class), maxAttempts))
                .end()
                .process(exchange -> processor.process(exchange.getMessage().getMandatoryBody(String.class)));

        // A document registered but never picked up (its dispatch message could not be sent) is sent
        // again once it has waited longer than any dispatch should take.
        long sweepMillis = getContext().getPropertiesComponent().resolveProperty("cmohub.sweeper.period-ms").map(Long::parseLong).orElse(60_000L);
        from("timer:cmohub-sweeper?delay=" + sweepMillis + "&period=" + sweepMillis).routeId("cmohub-sweeper")
                .process(exchange -> exchange.getMessage().setBody(
                        registry.receivedBefore(java.time.Instant.now().minusMillis(sweepMillis)).stream()
                                .map(io.cmohub.routes.store.DocumentRecord::documentId).toList()))
                .split(body())
                    .to("{{cmohub.dispatch.uri}}")
                .end();

        from("{{cmohub.intake.jms.uri}}").routeId("cmohub-intake-jms")
                .process(this::receiveJms)
                .filter(header(DOCUMENT_ID_HEADER).isNotNull())
                .setBody(header(DOCUMENT_ID_HEADER))
                .to("{{cmohub.dispatch.uri}}");

        from("{{cmohub.inbox.uri}}").routeId("cmohub-intake-inbox")
                .process(this::receiveFile);
    }

    private void receiveJms(Exchange exchange) throws Exception {
        String partner = exchange.getMessage().getHeader(PARTNER_HEADER, String.class);
        String format = exchange.getMessage().getHeader(FORMAT_HEADER, String.class);
        Object body = exchange.getMessage().getBody();
        // A text message's characters are stored as UTF-8 whatever the platform default; bytes as they are.
        InputStream content = body instanceof String text
                ? new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : exchange.getMessage().getMandatoryBody(InputStream.class);
        try {
            DocumentRecord record = intake.receive(partner, format, "jms", exchange.getMessage().getMessageId(), content, null);
            exchange.getMessage().setHeader(DOCUMENT_ID_HEADER, record.documentId());
        } catch (DocumentTooLargeException e) {
            exchange.getMessage().removeHeader(DOCUMENT_ID_HEADER); // refused and audited by the intake; nothing to process
        }
    }

    private static String sha256(java.nio.file.Path file) throws java.io.IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return io.cmohub.routes.store.Sha256.hex(in);
        }
    }

    private void receiveFile(Exchange exchange) throws Exception {
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        int slash = relative.indexOf('/');
        String partner = slash < 0 ? "unknown" : relative.substring(0, slash);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String format = inboxFormats.formatFor(partner, name).orElse("unknown");
        java.nio.file.Path file = exchange.getMessage().getBody(java.io.File.class).toPath();
        // A file left in place because the hub failed comes round again: take up its earlier
        // registration instead of registering the same bytes once per poll.
        DocumentRecord record = intake.findUnfinished(partner, "inbox", name, sha256(file)).orElse(null);
        if (record == null) {
            try (InputStream content = java.nio.file.Files.newInputStream(file)) {
                record = intake.receive(partner, format, "inbox", name, content, null);
            } catch (DocumentTooLargeException e) {
                exchange.getMessage().setHeader(INBOX_TARGET_HEADER, partner + "/failed/" + name); // refused and audited by the intake
                return;
            }
        }
        DocumentState state = processor.process(record.documentId());
        exchange.getMessage().setHeader(DOCUMENT_ID_HEADER, record.documentId());
        exchange.getMessage().setHeader(INBOX_TARGET_HEADER, partner + "/" + (state == DocumentState.REJECTED ? "failed" : "done") + "/" + name);
    }
}
