package io.cmohub.connector.sapidoc;

import io.cmohub.connector.codes.CodeList;
import io.cmohub.connector.codes.ProductCodes;
import io.cmohub.connector.quality.OosQualityEvent;
import io.cmohub.connector.quality.QcEvaluation;

import io.cmohub.connector.MappedFields;
import io.cmohub.model.CanonicalRecord;
import io.cmohub.model.QcResult;
import io.cmohub.model.Severity;
import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a QALITY IDoc (inspection lot E1QALS → characteristics E1QAMV → results E1QAMR) to one
 * {@link QcResult} per result, followed by an OOS quality event for each result out of
 * specification. The inspection lot number is the sample id; the master inspection characteristic
 * (VERWMERKM, else the characteristic number MERKNR) is the test code. The valuation MBEWERTG
 * decides out-of-specification through the valuation-codes list; without a valuation the tolerance
 * limits TOLERANZUN/TOLERANZOB do, and a valuation that contradicts them is a rejection.
 */
final class InspectionResultMapper {
    private final ProductCodes products;
    private final CodeList<Boolean> valuations;
    private final SapValues values;
    private final Severity oosSeverity;

    InspectionResultMapper(ProductCodes products, CodeList<Boolean> valuations, SapValues values, Severity oosSeverity) {
        this.products = products;
        this.valuations = valuations;
        this.values = values;
        this.oosSeverity = oosSeverity;
    }

    List<CanonicalRecord> map(Idoc idoc, PartnerId partner, Instant received, MappedFields fields) {
        if (idoc.inspectionLots.isEmpty()) {
            fields.error("E1QALS", "a QALITY IDoc needs at least one inspection lot segment E1QALS");
            return null;
        }
        List<CanonicalRecord> out = new ArrayList<>();
        for (int l = 0; l < idoc.inspectionLots.size(); l++) {
            Idoc.InspectionLotSegment lot = idoc.inspectionLots.get(l);
            String lotPath = "E1QALS[" + (l + 1) + "]";
            ProductCode product = fields.required(lotPath + "/MATNR", lot.matnr, products::resolve);
            BatchId batch = fields.required(lotPath + "/CHARG", lot.charg, BatchId::of);
            String inspectionLot = fields.required(lotPath + "/PRUEFLOS", lot.prueflos, raw -> raw);
            if (lot.characteristics.isEmpty()) {
                fields.error(lotPath + "/E1QAMV", "inspection lot " + lot.prueflos + " has no characteristic (E1QAMV) with results");
            }
            for (int c = 0; c < lot.characteristics.size(); c++) {
                Idoc.CharacteristicSegment characteristic = lot.characteristics.get(c);
                String charPath = lotPath + "/E1QAMV[" + (c + 1) + "]";
                BigDecimal lower = fields.optional(charPath + "/TOLERANZUN", characteristic.toleranzun, SapValues::number);
                BigDecimal upper = fields.optional(charPath + "/TOLERANZOB", characteristic.toleranzob, SapValues::number);
                String testCode = firstNonBlank(characteristic.verwmerkm, characteristic.merknr);
                if (testCode == null) {
                    fields.error(charPath + "/VERWMERKM", "the characteristic has neither a master inspection characteristic (VERWMERKM) nor a number (MERKNR)");
                }
                if (characteristic.results.isEmpty()) {
                    fields.error(charPath + "/E1QAMR", "characteristic " + testCode + " has no result segment E1QAMR");
                }
                for (int r = 0; r < characteristic.results.size(); r++) {
                    String path = charPath + "/E1QAMR[" + (r + 1) + "]";
                    QcResult result = result(partner, product, batch, inspectionLot, testCode, characteristic, characteristic.results.get(r),
                            new QcEvaluation(lower, upper), path, fields);
                    if (result != null) {
                        out.add(result);
                        if (result.outOfSpecification()) {
                            out.add(OosQualityEvent.of(result, oosSeverity, values.day(result.testedAt() != null ? result.testedAt() : received)));
                        }
                    }
                }
            }
        }
        return fields.hasErrors() ? null : out;
    }

    private QcResult result(PartnerId partner, ProductCode product, BatchId batch, String inspectionLot, String testCode,
                            Idoc.CharacteristicSegment characteristic, Idoc.ResultSegment segment, QcEvaluation limits, String path,
                            MappedFields fields) {
        BigDecimal number = fields.optional(path + "/MITTELWERT", segment.mittelwert, SapValues::number);
        String text = number == null && segment.originalInput != null && !segment.originalInput.isBlank() ? segment.originalInput.strip() : null;
        if (number == null && text == null && (segment.mittelwert == null || segment.mittelwert.isBlank())) {
            fields.error(path + "/MITTELWERT", "the result has neither a value (MITTELWERT) nor a recorded input (ORIGINAL_INPUT)");
        }
        Boolean byLimits = number != null && limits.hasLimits() ? limits.outside(number) : null;
        Boolean oos = byLimits;
        if (segment.mbewertg != null && !segment.mbewertg.isBlank()) {
            Boolean byValuation = fields.required(path + "/MBEWERTG", segment.mbewertg, code -> valuations.require("valuation (MBEWERTG)", code));
            if (byValuation != null && byLimits != null && !byValuation.equals(byLimits)) {
                fields.error(path + "/MBEWERTG", "valuation '" + segment.mbewertg.strip() + "' says " + (byValuation ? "out of" : "within")
                        + " specification, but " + number.toPlainString() + " is " + (byLimits ? "outside" : "within") + " the tolerance " + limits.describe());
            }
            oos = byValuation;
        } else if (byLimits == null) {
            fields.error(path + "/MBEWERTG", "the result has no valuation (MBEWERTG) and no numeric tolerance limits, so whether it is out of "
                    + "specification is unknown");
        }
        Instant testedAt = null;
        String date = SapValues.dateOrNull(segment.pruefdatuv);
        if (date != null) {
            try {
                testedAt = values.instant(date, segment.pruefzeitv);
            } catch (InvalidValueException e) {
                fields.error(path + "/PRUEFDATUV", e.getMessage());
            }
        }
        if (fields.hasErrors() || testCode == null || product == null || batch == null) {
            return null;
        }
        Boolean outOfSpecification = oos;
        Instant tested = testedAt;
        String unit = blankToNull(characteristic.masseinhsw);
        return fields.construct(path, () -> new QcResult(partner, product, batch, inspectionLot, testCode, blankToNull(characteristic.kurztext),
                blankToNull(characteristic.pmethode), limits.lowerLimit(), limits.upperLimit(), null, number, text, unit, outOfSpecification, tested, null));
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : blankToNull(b);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
