package io.cmohub.routes.pipeline;

import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
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

    public IntakeRoutes(DocumentIntake intake, DocumentProcessor processor, InboxFormats inboxFormats) {
        this.intake = intake;
        this.processor = processor;
        this.inboxFormats = inboxFormats;
    }

    @Override
    public void configure() {
        from("{{cmohub.dispatch.uri}}").routeId("cmohub-process")
                .process(exchange -> processor.process(exchange.getMessage().getMandatoryBody(String.class)));

        from("{{cmohub.intake.jms.uri}}").routeId("cmohub-intake-jms")
                .process(this::receiveJms)
                .setBody(header(DOCUMENT_ID_HEADER))
                .to("{{cmohub.dispatch.uri}}");

        from("{{cmohub.inbox.uri}}").routeId("cmohub-intake-inbox")
                .process(this::receiveFile);
    }

    private void receiveJms(Exchange exchange) throws Exception {
        String partner = exchange.getMessage().getHeader(PARTNER_HEADER, String.class);
        String format = exchange.getMessage().getHeader(FORMAT_HEADER, String.class);
        DocumentRecord record = intake.receive(partner == null ? "unknown" : partner, format == null ? "unknown" : format, "jms",
                exchange.getMessage().getMessageId(), exchange.getMessage().getMandatoryBody(InputStream.class), null);
        exchange.getMessage().setHeader(DOCUMENT_ID_HEADER, record.documentId());
    }

    private void receiveFile(Exchange exchange) throws Exception {
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        int slash = relative.indexOf('/');
        String partner = slash < 0 ? "unknown" : relative.substring(0, slash);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String format = inboxFormats.formatFor(partner, name).orElse("unknown");
        DocumentRecord record;
        try (InputStream content = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            record = intake.receive(partner, format, "inbox", name, content, null);
        }
        DocumentState state = processor.process(record.documentId());
        exchange.getMessage().setHeader(DOCUMENT_ID_HEADER, record.documentId());
        exchange.getMessage().setHeader(INBOX_TARGET_HEADER, partner + "/" + (state == DocumentState.REJECTED ? "failed" : "done") + "/" + name);
    }
}
