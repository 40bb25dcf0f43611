package io.cmohub.model;

import static io.cmohub.model.RecordRules.optionalText;

/**
 * The pack identifiers exactly as the end user's scanner or keyboard delivered them. They are text,
 * not validated value types, on purpose: an alert often fires because they are wrong (a serial
 * swallowing the batch after a lost group separator, a lower-cased batch, an impossible expiry).
 */
public record ScannedIdentifiers(String productCode, String productCodeScheme, String serial, String batchId, String expiry) {
    public ScannedIdentifiers {
        optionalText(productCode, "scanned.productCode", 100);
        optionalText(productCodeScheme, "scanned.productCodeScheme", 16);
        optionalText(serial, "scanned.serial", 100);
        optionalText(batchId, "scanned.batchId", 100);
        optionalText(expiry, "scanned.expiry", 32);
    }
}
