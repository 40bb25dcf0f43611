package io.cmohub.routes.coordination.registry;

import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.SerialNumber;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The product code and serial number inside an EPC, as serialisation events carry them: an SGTIN
 * pure-identity URN ({@code urn:epc:id:sgtin:5012345.067890.A0000001}) or a GS1 Digital Link URI
 * ({@code https://id.gs1.org/01/05012345678900/21/A0000002}). Anything else (SSCCs, private URNs)
 * names no pack and gives empty, as does an SGTIN whose GTIN or serial the model would refuse.
 */
public record EpcSerial(ProductCode product, SerialNumber serial) {

    public static Optional<EpcSerial> parse(String epc) {
        if (epc == null) {
            return Optional.empty();
        }
        try {
            if (epc.startsWith("urn:epc:id:sgtin:")) {
                return sgtinUrn(epc.substring("urn:epc:id:sgtin:".length()));
            }
            if (epc.startsWith("http://") || epc.startsWith("https://")) {
                return digitalLink(URI.create(epc).getRawPath());
            }
        } catch (IllegalArgumentException e) { // includes the model's InvalidValueException
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<EpcSerial> sgtinUrn(String body) {
        String[] parts = body.split("\\.", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[0].length() + parts[1].length() != 13) {
            return Optional.empty();
        }
        String companyPrefix = parts[0];
        String indicatorAndItem = parts[1];
        // GTIN-14 = indicator digit + company prefix + item reference + check digit (TDS §6.3.1).
        String withoutCheck = indicatorAndItem.charAt(0) + companyPrefix + indicatorAndItem.substring(1);
        if (!withoutCheck.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String gtin = withoutCheck + checkDigit(withoutCheck);
        return Optional.of(new EpcSerial(ProductCode.of(gtin), SerialNumber.of(decode(parts[2]))));
    }

    private static Optional<EpcSerial> digitalLink(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/");
        String gtin = null;
        String serial = null;
        for (int i = 0; i + 1 < segments.length; i++) {
            if (segments[i].equals("01") && gtin == null) {
                gtin = segments[i + 1];
            } else if (segments[i].equals("21") && gtin != null && serial == null) {
                serial = decode(segments[i + 1]);
            }
        }
        if (gtin == null || serial == null) {
            return Optional.empty();
        }
        return Optional.of(new EpcSerial(ProductCode.parse(gtin), SerialNumber.of(serial)));
    }

    private static String decode(String escaped) {
        return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static char checkDigit(String thirteenDigits) {
        int sum = 0;
        for (int i = 0; i < thirteenDigits.length(); i++) {
            int digit = thirteenDigits.charAt(thirteenDigits.length() - 1 - i) - '0';
            sum += (i % 2 == 0) ? digit * 3 : digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
