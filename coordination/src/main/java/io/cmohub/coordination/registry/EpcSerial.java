package io.cmohub.coordination.registry;

import io.cmohub.model.value.EpcIdentifier;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.util.Optional;

/**
 * The pack an EPC names, as the batch registry keys it: product code and serial number. Reading
 * the EPC (SGTIN URN or GS1 Digital Link, escapes, check digits) is {@link EpcIdentifier}'s, the
 * same reading the EPCIS connector does. Anything that names no pack (SSCCs, private URNs, a
 * malformed SGTIN) gives empty.
 */
public record EpcSerial(ProductCode product, SerialNumber serial) {

    public static Optional<EpcSerial> parse(String epc) {
        if (epc == null) {
            return Optional.empty();
        }
        try {
            EpcIdentifier id = EpcIdentifier.parse(epc);
            return id.kind() == EpcIdentifier.Kind.SGTIN
                    ? Optional.of(new EpcSerial(ProductCode.of(id.gtin()), SerialNumber.of(id.serial())))
                    : Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
