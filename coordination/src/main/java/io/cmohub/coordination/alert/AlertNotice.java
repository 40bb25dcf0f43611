package io.cmohub.coordination.alert;

import io.cmohub.model.Alert;
import io.cmohub.model.AlertCode;
import io.cmohub.model.AlertSource;
import io.cmohub.model.EamsStatus;
import io.cmohub.model.OrganisationInvestigation;
import io.cmohub.model.ScannedIdentifiers;
import io.cmohub.model.UploadRejection;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.ProductCode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One alert notification as a channel delivered it, before the hub decides whether it is a new
 * alert, another source of a known one, or an upload rejection. Every channel parser (Hub
 * call-back, EAMS, webhook, mail) produces this; {@link AlertIntake} takes it.
 *
 * @param channel   the channel it came by; becomes {@link Alert#source()} when it is the first
 * @param alertId   the alert id as this channel reported it (the EMVS id for the Hub and the EAMS)
 * @param code      the code as sent, unknown codes included
 * @param rawSha256 SHA-256 of the bytes the channel received, for the source record; may be null
 */
public record AlertNotice(
        AlertSource channel,
        String alertId,
        String code,
        String nmvsReturnCode,
        String market,
        Instant raisedAt,
        ScannedIdentifiers scanned,
        String message,
        String endUserLocation,
        EamsStatus eamsStatus,
        List<OrganisationInvestigation> investigations,
        String uploadRef,
        String field,
        String rawSha256) {

    /** Upload return codes (domain-emvs §3.2): recorded as {@link UploadRejection}s, never as alerts. */
    public static final Set<String> UPLOAD_REJECTION_CODES = Set.of("A16", "I1");

    public AlertNotice {
        investigations = investigations == null ? List.of() : List.copyOf(investigations);
    }

    public boolean isUploadRejection() {
        return code != null && UPLOAD_REJECTION_CODES.contains(code.trim().toUpperCase(Locale.ROOT));
    }

    /** The canonical alert this notice reports; the model's rules refuse a broken one with {@link InvalidValueException}. */
    public Alert toAlert() {
        return new Alert(alertId, AlertCode.of(code), nmvsReturnCode, market == null ? null : Market.of(market), scanned, raisedAt, channel,
                eamsStatus, investigations, message, endUserLocation);
    }

    /**
     * The upload rejection an A16/I1 notice reports. The upload is the notice's {@code uploadRef},
     * else its alert id; scanned product and batch are used when they are valid identifiers (they
     * are optional in the rejection, and a wrong one must not hide the rejection itself).
     */
    public UploadRejection toUploadRejection() {
        String text = message != null && !message.isBlank() ? message : "upload rejected with " + code + " (no message given)";
        ProductCode product = scanned == null ? null : lenient(() -> ProductCode.of(scanned.productCode().trim()));
        BatchId batch = scanned == null ? null : lenient(() -> BatchId.of(scanned.batchId()));
        return new UploadRejection(uploadRef != null && !uploadRef.isBlank() ? uploadRef : alertId, code.trim().toUpperCase(Locale.ROOT), text, field,
                product, batch, market == null ? null : Market.of(market), raisedAt);
    }

    private static <T> T lenient(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException | NullPointerException e) {
            return null;
        }
    }
}
