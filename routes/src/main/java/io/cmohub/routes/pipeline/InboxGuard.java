package io.cmohub.routes.pipeline;

import io.cmohub.routes.store.DocumentRecord;
import io.cmohub.routes.store.DocumentTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens what a partner put in its inbox folder before the file component touches it. The partner
 * controls the folder (usually over SFTP): it can create symbolic links to any file the hub can read,
 * devices, FIFOs, directories, and names the file component would normalise into other paths. Only a
 * regular file with a plain name reaches the inbox route; anything else is refused here without being
 * read: registered as a REJECTED document of the partner with the reason (so it is in the partner's
 * quarantine and the audit trail), and moved aside to {@code failed/<documentId>.refused}. A regular
 * file with an unsafe name is kept (its bytes, read without following links) once it has stopped
 * changing, and moved aside under the same safe name.
 *
 * <p>Runs as the endpoint's {@code filter}, in the poller's thread, one entry at a time: a refused
 * entry never fails the poll, so one bad entry cannot back off the whole inbox.
 */
public final class InboxGuard implements GenericFileFilter<File> {
    /** The name the guard is bound under in the Camel registry and referenced by from the inbox endpoint. */
    public static final String BEAN_NAME = "cmohubInboxGuard";
    private static final Logger LOG = LoggerFactory.getLogger(InboxGuard.class);
    private static final Set<String> OWN_FOLDERS = Set.of("done", "failed");

    private final DocumentIntake intake;
    private final DocumentProcessor processor;
    private final InboxFormats formats;
    private final Duration settleTime;
    /** Entries refused but not moved (the move failed): not registered again on every poll. */
    private final Map<Path, Boolean> refusedInPlace = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    public InboxGuard(DocumentIntake intake, DocumentProcessor processor, InboxFormats formats, Duration settleTime) {
        this.intake = intake;
        this.processor = processor;
        this.formats = formats;
        this.settleTime = settleTime;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path root = Path.of(file.getEndpointPath()).toAbsolutePath().normalize();
        Path entry = file.getFile().toPath().toAbsolutePath();
        Path relative = root.relativize(entry);
        if (relative.getNameCount() == 1) {
            refuseFolders(root, relative.getName(0).toString(), entry);
            return true; // a partner folder: walked into
        }
        if (relative.getNameCount() != 2) {
            return relative.getNameCount() < 2; // anything deeper is never taken (the endpoint's maxDepth is 2)
        }
        String partner = relative.getName(0).toString();
        String name = relative.getName(1).toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false; // gone since it was listed
        }
        if (attributes.isDirectory() && OWN_FOLDERS.contains(name)) {
            return false;
        }
        if (refusedInPlace.containsKey(entry)) {
            return false;
        }
        Optional<String> kind = unreadableKind(attributes);
        if (kind.isPresent()) {
            refuse(root, partner, name, entry, null, "inbox entry '" + InboxNames.quoted(name) + "' is " + kind.get()
                    + "; only regular files are read, so it was moved aside unread");
            return false;
        }
        Optional<String> unsafe = InboxNames.problem(name);
        if (unsafe.isEmpty()) {
            return true;
        }
        if (attributes.lastModifiedTime().toInstant().isAfter(Instant.now().minus(settleTime))) {
            return false; // still being written: kept once it has settled, on a later poll
        }
        refuse(root, partner, name, entry, entry, "inbox file name '" + InboxNames.quoted(name) + "' " + unsafe.get()
                + "; rename it and send it again");
        return false;
    }

    /**
     * The file component skips a directory (or a link to one) where a file is expected without showing
     * it to this filter; it is looked for when the partner folder is walked into, and refused.
     */
    private void refuseFolders(Path root, String partner, Path partnerFolder) {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(partnerFolder, p -> Files.isDirectory(p)
                && !(OWN_FOLDERS.contains(p.getFileName().toString()) && !Files.isSymbolicLink(p)) && !p.getFileName().toString().startsWith("."))) {
            entries.forEach(folders::add);
        } catch (IOException e) {
            return; // the partner folder is unreadable: the file component reports that itself
        }
        for (Path folder : folders) {
            if (!refusedInPlace.containsKey(folder)) {
                String name = folder.getFileName().toString();
                refuse(root, partner, name, folder, null, "inbox entry '" + InboxNames.quoted(name) + "' is "
                        + (Files.isSymbolicLink(folder) ? "a symbolic link" : "a directory") + "; only regular files are read, so it was moved aside unread");
            }
        }
    }

    private static Optional<String> unreadableKind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return Optional.of("a symbolic link");
        }
        if (attributes.isDirectory()) {
            return Optional.of("a directory");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("not a regular file (a device, FIFO or socket)");
        }
        return Optional.empty();
    }

    /** Registers the refusal as a rejected document of the partner, then moves the entry out of the way. */
    private void refuse(Path root, String partner, String name, Path entry, Path content, String reason) {
        String format = formats.formatFor(partner, name).orElse("unknown");
        String documentId = null;
        try (InputStream in = content == null ? new ByteArrayInputStream(new byte[0]) : Files.newInputStream(content, LinkOption.NOFOLLOW_LINKS)) {
            DocumentRecord record = intake.receive(partner, format, "inbox", name, in, null);
            documentId = record.documentId();
            processor.refuse(documentId, reason);
        } catch (DocumentTooLargeException e) {
            LOG.warn("refused inbox entry of {} was also too large to keep: {}", partner, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // Not recorded (the database or the store is down): leave the entry for the next poll.
            LOG.error("could not record the refusal of an inbox entry of {}: {}", partner, e.toString());
            return;
        }
        Path target = InboxNames.target(root, partner, "failed", (documentId == null ? "too-large-" + System.nanoTime() : documentId) + ".refused");
        try {
            Files.createDirectories(target.getParent());
            Files.move(entry, target, LinkOption.NOFOLLOW_LINKS);
            LOG.warn("inbox entry of {} refused and moved to {}: {}", partner, root.relativize(target), reason);
        } catch (IOException e) {
            refusedInPlace.put(entry, Boolean.TRUE);
            LOG.error("inbox entry of {} refused (document {}) but could not be moved aside: {}", partner, documentId, e.toString());
        }
    }
}
