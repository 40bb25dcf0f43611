package io.cmohub.routes.templates;

import io.cmohub.routes.pipeline.DocumentIntake;
import io.cmohub.routes.pipeline.DocumentProcessor;
import io.cmohub.routes.pipeline.InboxFormats;
import io.cmohub.routes.pipeline.IntakeRoutes;
import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.DocumentTooLargeException;
import io.cmohub.routes.store.Sha256;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.apache.camel.component.file.GenericFile;

/**
 * The step of the {@code cmohub-intake} template: store and register whatever the endpoint delivered
 * as one document of the route's partner, then process it at once (connector, validation,
 * per-record authorisation, deduplication, publication) on the consumer's thread.
 *
 * <p>When processing fails (the publish endpoint or the database is down) the exception goes back to
 * the consumer, so the source's own redelivery applies: a file stays in place, a JMS message is rolled
 * back. The redelivered content is recognised by partner, channel, name and SHA-256 and takes up its
 * earlier registration instead of registering the same bytes once per attempt.
 */
final class EndpointIntake implements Processor, AutoCloseable {
    /** The outcome of the document: a {@link DocumentState} name. */
    static final String STATUS_HEADER = "CmoHubDocumentStatus";

    private final DocumentIntake intake;
    private final DocumentProcessor processor;
    private final InboxFormats formats;
    private final String partner;
    private final String format;
    private final String channel;
    private final AutoCloseable resources;

    EndpointIntake(DocumentIntake intake, DocumentProcessor processor, InboxFormats formats, String partner, String format, String channel,
                   AutoCloseable resources) {
        this.intake = intake;
        this.processor = processor;
        this.formats = formats;
        this.partner = partner;
        this.format = format == null ? "" : format.trim();
        this.channel = channel;
        this.resources = resources;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String name = Optional.ofNullable(message.getHeader(Exchange.FILE_NAME_ONLY, String.class))
                .or(() -> Optional.ofNullable(message.getHeader(Exchange.FILE_NAME, String.class)))
                .orElse(message.getMessageId());
        String documentFormat = format.isEmpty() ? formats.formatFor(partner, name).orElse("unknown") : format;
        DocumentRecord record;
        try {
            record = register(message, name, documentFormat);
        } catch (DocumentTooLargeException e) {
            // refused and audited by the intake; nothing was kept, so there is nothing to process
            message.removeHeader(IntakeRoutes.DOCUMENT_ID_HEADER);
            message.setHeader(STATUS_HEADER, DocumentState.REJECTED.name());
            return;
        }
        DocumentState state = processor.process(record.documentId());
        message.setHeader(IntakeRoutes.DOCUMENT_ID_HEADER, record.documentId());
        message.setHeader(STATUS_HEADER, state.name());
    }

    private DocumentRecord register(Message message, String name, String documentFormat) throws Exception {
        Object body = message.getBody();
        if (body instanceof GenericFile<?> generic && generic.getFile() instanceof File file) {
            String sha256;
            try (InputStream in = Files.newInputStream(file.toPath())) {
                sha256 = Sha256.hex(in);
            }
            Optional<DocumentRecord> earlier = intake.findUnfinished(partner, channel, name, sha256);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try (InputStream in = Files.newInputStream(file.toPath())) {
                return intake.receive(partner, documentFormat, channel, name, in, null);
            }
        }
        // A text body's characters are stored as UTF-8 whatever the platform default; bytes as they are.
        InputStream content = body instanceof String text
                ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))
                : message.getMandatoryBody(InputStream.class);
        if (content instanceof StreamCache cache) {
            // Stream caching (on in the template) makes the body readable twice: once to recognise a redelivery.
            String sha256 = Sha256.hex(content);
            cache.reset();
            Optional<DocumentRecord> earlier = intake.findUnfinished(partner, channel, name, sha256);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        } else if (content instanceof ByteArrayInputStream bytes) {
            String sha256 = Sha256.hex(bytes);
            bytes.reset();
            Optional<DocumentRecord> earlier = intake.findUnfinished(partner, channel, name, sha256);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        return intake.receive(partner, documentFormat, channel, name, content, null);
    }

    @Override
    public void close() throws Exception {
        if (resources != null) {
            resources.close();
        }
    }
}
