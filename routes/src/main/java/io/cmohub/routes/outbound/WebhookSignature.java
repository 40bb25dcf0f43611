package io.cmohub.routes.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code X-CmoHub-Signature: sha256=<hex>} where the HMAC-SHA256
 * (key: the shared secret) covers {@code <X-CmoHub-Timestamp>.<body>}. Signing the timestamp lets a
 * receiver refuse replays of old deliveries. Receivers can use {@link #verify}.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-CmoHub-Signature";
    public static final String TIMESTAMP_HEADER = "X-CmoHub-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    public static boolean verify(String secret, String timestamp, byte[] body, String signatureHeader) {
        if (signatureHeader == null || timestamp == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8), signatureHeader.getBytes(StandardCharsets.UTF_8));
    }
}
