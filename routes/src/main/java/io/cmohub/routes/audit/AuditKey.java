package io.cmohub.routes.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that seals the audit chain (HMAC-SHA-256). Kept outside the database, so that whoever can
 * write the audit tables cannot recompute a consistent chain after editing or cutting it. Its id (the
 * first 16 hex digits of the key's SHA-256) is stored with every row it sealed, so that after a
 * rotation the rows sealed by the earlier key still verify with it.
 */
public final class AuditKey {
    private static final int MIN_BYTES = 32;
    private final byte[] secret;
    private final String id;

    private AuditKey(byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("an audit key needs at least " + MIN_BYTES + " bytes (64 hex digits); this one has " + secret.length);
        }
        this.secret = secret.clone();
        try {
            this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of hex digits, as in a key file. */
    public static AuditKey ofHex(String hex) {
        return new AuditKey(HexFormat.of().parseHex(hex.strip()));
    }

    /** The key in {@code file} (hex digits); if the file does not exist it is created, owner-readable only, with a new random key. */
    public static AuditKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                // created with its permissions, never readable by others for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return load(file); // another node created it first
            }
            Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
        }
        return load(file);
    }

    public static AuditKey load(Path file) throws IOException {
        try {
            return ofHex(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the audit key file " + file + " does not hold a key of 64 or more hex digits: " + e.getMessage(), e);
        }
    }

    public String id() {
        return id;
    }

    /** HMAC-SHA-256 of {@code text}, as 64 hex digits. */
    public String seal(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
