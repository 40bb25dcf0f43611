package io.cmohub.coordination.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One fact the reconciliation established, machine-readable ({@code code} and {@code facts}) and
 * in words. Codes are stable: PRINTED_VS_UPLOADED_EXPIRY, EXPIRY_NOTATION, SCANNED_EXPIRY,
 * HUB_PACK_BATCH, SERIAL_COMMISSIONED_UNDER, DUPLICATE_SERIAL, UPLOAD_COMPLETENESS, HUB_PACK_STATE,
 * HUB_BATCH_MISSING, MARKET_NOT_UPLOADED, SCAN_NOT_PARSEABLE, NO_PACKAGING_RECORD, HUB_UNAVAILABLE,
 * SERIAL_NEVER_COMMISSIONED, BATCH_CASE_DIFFERS, PRINTED_BATCH, PRINTED_EXPIRY_VARIES.
 */
public record Finding(String code, String message, Map<String, String> facts) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    static Finding of(String code, String message, String... keyValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                facts.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return new Finding(code, message, facts);
    }
}
