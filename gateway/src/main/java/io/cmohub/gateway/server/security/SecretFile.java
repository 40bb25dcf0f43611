package io.cmohub.gateway.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A generated secret kept in the data directory, readable by the gateway's user only: the admin key, the first administrator's password. */
public final class SecretFile {
    private static final Logger LOG = LoggerFactory.getLogger(SecretFile.class);

    private SecretFile() {
    }

    /** The secret in {@code file}, or a new one from {@code generator} written there (owner-only) first. */
    public static String readOrCreate(Path file, Supplier<String> generator, String what) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String secret = generator.get();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            // created owner-only before the secret is written: never readable by others, not even for a moment
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            LOG.warn("could not restrict the permissions of {} (not a POSIX file system)", file);
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        LOG.info("generated {}; it is in {}", what, file.toAbsolutePath());
        return secret;
    }
}
