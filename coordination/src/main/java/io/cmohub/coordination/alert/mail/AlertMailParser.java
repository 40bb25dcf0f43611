package io.cmohub.coordination.alert.mail;

import io.cmohub.model.AlertSource;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.coordination.alert.AlertNotice;
import io.cmohub.coordination.alert.AlertNoticeJson;
import io.cmohub.coordination.alert.MalformedAlertException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads an alert mail (docs/alert-intake.md §6). The first {@code application/json} part, or a
 * text body that starts with '{', is an alert-notice JSON document; otherwise the first
 * {@code text/plain} part holds "Key: value" lines:
 *
 * <pre>
 * Alert-Id: 7f3c0a9e-...        (required)
 * Alert-Code: A52               (required; any code is kept)
 * Raised-At: 2025-03-01T10:15:30+01:00   (required, with an offset)
 * Market: DE
 * Product-Code: 05012345100036
 * Product-Code-Scheme: GTIN
 * Serial: Z8V96FJKFU32
 * Batch: DC24100
 * Expiry: 300331
 * NMVS-Return-Code: NMVS_FE_LOT_12
 * End-User-Location: Pharmacy ...
 * Message: free text on one line
 * Upload-Ref / Field: for A16 and I1 only
 * </pre>
 *
 * Keys are case-insensitive; lines without a known key (greetings, signatures) are ignored; a
 * known key given twice is refused, because which one to believe would be a guess.
 */
public final class AlertMailParser {
    private static final Set<String> KEYS = Set.of("alert-id", "alert-code", "raised-at", "market", "product-code", "product-code-scheme", "serial",
            "batch", "expiry", "nmvs-return-code", "end-user-location", "message", "upload-ref", "field");
    private static final int MAX_BODY_CHARS = 64 * 1024;

    private AlertMailParser() {
    }

    public static AlertNotice parse(byte[] rawMime) throws MalformedAlertException {
        String sha256 = AlertNoticeJson.sha256(rawMime);
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(rawMime));
            Part json = find(mime, "application/json");
            if (json != null) {
                return withHash(AlertNoticeJson.read(bytes(json), AlertSource.EMAIL), sha256);
            }
            Part text = find(mime, "text/plain");
            if (text == null) {
                throw new MalformedAlertException("the mail has neither an application/json nor a text/plain part");
            }
            String body = new String(bytes(text), charset(text));
            if (body.stripLeading().startsWith("{")) {
                return withHash(AlertNoticeJson.read(body.strip().getBytes(StandardCharsets.UTF_8), AlertSource.EMAIL), sha256);
            }
            return keyValues(body, sha256);
        } catch (MessagingException | IOException e) {
            throw new MalformedAlertException("the mail cannot be read as MIME: " + e.getMessage(), e);
        }
    }

    static AlertNotice keyValues(String body, String sha256) throws MalformedAlertException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : body.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            if (values.put(key, value.isEmpty() ? null : value) != null || values.size() > KEYS.size()) {
                throw new MalformedAlertException("the mail gives '" + key + "' more than once");
            }
        }
        for (String required : new String[] {"alert-id", "alert-code", "raised-at"}) {
            if (values.get(required) == null) {
                throw new MalformedAlertException("the mail has no '" + capitalised(required) + ":' line; required are Alert-Id, Alert-Code and Raised-At");
            }
        }
        String code = values.get("alert-code");
        if (!code.matches("[A-Za-z0-9_.\\-]{1,32}")) {
            throw new MalformedAlertException("Alert-Code '" + code + "' must be 1-32 characters of A-Z, a-z, 0-9, '_', '.' and '-'");
        }
        boolean anyScan = values.get("product-code") != null || values.get("serial") != null || values.get("batch") != null || values.get("expiry") != null;
        return new AlertNotice(AlertSource.EMAIL, values.get("alert-id"), code, values.get("nmvs-return-code"), values.get("market"),
                AlertNoticeJson.instant(values.get("raised-at")),
                anyScan ? new ScannedIdentifiers(values.get("product-code"), values.get("product-code-scheme"), values.get("serial"), values.get("batch"),
                        values.get("expiry")) : null,
                values.get("message"), values.get("end-user-location"), null, null, values.get("upload-ref"), values.get("field"), sha256);
    }

    private static AlertNotice withHash(AlertNotice n, String sha256) {
        return new AlertNotice(n.channel(), n.alertId(), n.code(), n.nmvsReturnCode(), n.market(), n.raisedAt(), n.scanned(), n.message(),
                n.endUserLocation(), n.eamsStatus(), n.investigations(), n.uploadRef(), n.field(), sha256);
    }

    /** Depth-first, the first part of this MIME type (attachments included). */
    private static Part find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return part;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Part found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes(MAX_BODY_CHARS + 1);
            if (content.length > MAX_BODY_CHARS) {
                throw new IOException("an alert part is larger than " + MAX_BODY_CHARS + " bytes");
            }
            return content;
        }
    }

    private static java.nio.charset.Charset charset(Part part) {
        try {
            String name = new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset");
            return name == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
        } catch (Exception e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String capitalised(String key) {
        StringBuilder out = new StringBuilder();
        for (String word : key.split("-")) {
            out.append(out.length() == 0 ? "" : "-").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }
}
