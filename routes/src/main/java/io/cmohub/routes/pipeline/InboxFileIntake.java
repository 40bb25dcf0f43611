package io.cmohub.routes.pipeline;

import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentState;
import io.cmohub.routes.store.DocumentTooLargeException;
import io.cmohub.routes.store.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;

/**
 * The inbox route's step: registers a file of {@code inbox/<partner>/} and processes it, then names
 * where the file goes ({@link IntakeRoutes#INBOX_TARGET_HEADER}): {@code <partner>/done/<name>} or
 * {@code <partner>/failed/<name>}, checked to stay in the partner's folder. The file is opened
 * without following links: an entry the {@link InboxGuard} let through and that was swapped for a
 * link since is refused, not read.
 */
final class InboxFileIntake {
    private final DocumentIntake intake;
    private final DocumentProcessor processor;
    private final InboxFormats formats;

    InboxFileIntake(DocumentIntake intake, DocumentProcessor processor, InboxFormats formats) {
        this.intake = intake;
        this.processor = processor;
        this.formats = formats;
    }

    void receive(Exchange exchange) throws IOException {
        // The file consumer's body: the entry as listed (its own path, not one rebuilt from a normalised name).
        GenericFile<?> file = exchange.getMessage().getBody(GenericFile.class);
        Path entry = ((File) file.getFile()).toPath().toAbsolutePath();
        Path root = Path.of(file.getEndpointPath()).toAbsolutePath().normalize();
        Path relative = root.relativize(entry.toAbsolutePath());
        String partner = relative.getNameCount() == 2 ? relative.getName(0).toString() : "unknown";
        String name = entry.getFileName().toString();
        String format = formats.formatFor(partner, name).orElse("unknown");

        if (!Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
            DocumentRecord refused = intake.receive(partner, format, "inbox", name, InputStream.nullInputStream(), null);
            processor.refuse(refused.documentId(), "inbox entry '" + InboxNames.quoted(name)
                    + "' stopped being a regular file while it was taken (a link or device swapped in); it was moved aside unread");
            target(exchange, root, partner, "failed", refused.documentId() + ".refused");
            return;
        }
        // A file left in place because the hub failed comes round again: take up its earlier
        // registration instead of registering the same bytes once per poll.
        DocumentRecord record = intake.findUnfinished(partner, "inbox", name, sha256(entry)).orElse(null);
        if (record == null) {
            try (InputStream content = Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS)) {
                record = intake.receive(partner, format, "inbox", name, content, null);
            } catch (DocumentTooLargeException e) {
                target(exchange, root, partner, "failed", name); // refused and audited by the intake
                return;
            }
        }
        DocumentState state = processor.process(record.documentId());
        exchange.getMessage().setHeader(IntakeRoutes.DOCUMENT_ID_HEADER, record.documentId());
        target(exchange, root, partner, state == DocumentState.REJECTED ? "failed" : "done", name);
    }

    private static void target(Exchange exchange, Path root, String partner, String folder, String name) {
        Path target = InboxNames.target(root, partner, folder, name);
        exchange.getMessage().setHeader(IntakeRoutes.INBOX_TARGET_HEADER, root.relativize(target).toString());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Sha256.hex(in);
        }
    }
}
