package io.cmohub.model.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.codec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives the id of a canonical event from what it says: SHA-256 over the event type, the business
 * key and the record in canonical JSON (sorted properties, absent values left out). Nothing about
 * how or when the record arrived (document, file name, time of receipt) goes in, so the same record
 * re-sent, in another file or another format, gets the same id; a changed record gets a new one.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String of(CanonicalRecord record) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(record.entityType().eventType().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(record.businessKey().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(CanonicalJson.hashingMapper().writeValueAsBytes(record));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a canonical record could not be written as JSON", e);
        }
    }
}
