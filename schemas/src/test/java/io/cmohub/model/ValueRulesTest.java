package io.cmohub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.model.value.BatchId;
import io.cmohub.model.value.Expiry;
import io.cmohub.model.value.Gln;
import io.cmohub.model.value.InvalidValueException;
import io.cmohub.model.value.Market;
import io.cmohub.model.value.PartnerId;
import io.cmohub.model.value.ProductCode;
import io.cmohub.model.value.Quantity;
import io.cmohub.model.value.SerialNumber;
import io.cmohub.model.value.Sscc;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule violation names the rule; nothing is silently "fixed". */
class ValueRulesTest {

    @Test
    void gtinAndPpnAreRecognisedAndCheckDigitsEnforced() {
        assertThat(ProductCode.of("05012345678900").scheme()).isEqualTo(ProductCode.Scheme.GTIN);
        assertThat(ProductCode.of("111234567842").scheme()).isEqualTo(ProductCode.Scheme.PPN);
        assertThat(ProductCode.parse("5012345678900").value()).isEqualTo("05012345678900");
        assertThat(ProductCode.parse("111234567842").scheme()).isEqualTo(ProductCode.Scheme.PPN);
        assertThat(ProductCode.parse("96385074").value()).isEqualTo("00000096385074");

        assertThatThrownBy(() -> ProductCode.of("05012345678901")).hasMessageContaining("check digit").hasMessageContaining("expected 0");
        assertThatThrownBy(() -> ProductCode.of("111234567843")).hasMessageContaining("check digits");
        assertThatThrownBy(() -> ProductCode.of("0501234567890")).hasMessageContaining("neither a 14-digit GTIN nor a 12-character PPN");
        assertThatThrownBy(() -> ProductCode.of("0501234567890A")).hasMessageContaining("14 digits");
        assertThatThrownBy(() -> ProductCode.of("")).hasMessageContaining("empty");
    }

    @Test
    void glnAndSsccCheckDigits() {
        assertThat(Gln.of("4012345000009").value()).isEqualTo("4012345000009");
        assertThat(Sscc.of("106141411234567897").value()).isEqualTo("106141411234567897");
        assertThatThrownBy(() -> Gln.of("4012345000008")).hasMessageContaining("GLN").hasMessageContaining("check digit");
        assertThatThrownBy(() -> Sscc.of("106141411234567891")).hasMessageContaining("SSCC").hasMessageContaining("check digit");
        assertThatThrownBy(() -> Sscc.of("10614141123456789")).hasMessageContaining("exactly 18 digits");
    }

    @Test
    void serialNumberLengthAndCharacterSet() {
        assertThat(SerialNumber.of("Ab!\"%&'()*+,-./:;<=>").value()).hasSize(20);
        assertThat(SerialNumber.of("?_9").value()).isEqualTo("?_9");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "123456789012345678901 | at most 20",
            "ABC DEF               | character ' ' at position 4",
            "ABC#1                 | character '#' at position 4",
    })
    void badSerialNumbersAreRejectedWithTheRule(String serial, String reason) {
        assertThatThrownBy(() -> SerialNumber.of(serial)).isInstanceOf(InvalidValueException.class).hasMessageContaining(reason);
    }

    @Test
    void controlCharactersAreNamedNotPrinted() {
        assertThatThrownBy(() -> SerialNumber.of("AB\u001dCD")).hasMessageContaining("U+001D").hasMessageContaining("position 3");
        assertThatThrownBy(() -> BatchId.of("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> BatchId.of("B".repeat(21))).hasMessageContaining("at most 20");
    }

    @ParameterizedTest
    @CsvSource({
            "250600, 2025-06-30, true",
            "240200, 2024-02-29, true",
            "250200, 2025-02-28, true",
            "271231, 2027-12-31, false",
    })
    void expiryKeepsPrintedValueAndResolvesDayZero(String printed, LocalDate date, boolean endOfMonth) {
        Expiry expiry = Expiry.parse(printed);
        assertThat(expiry.printed()).isEqualTo(printed);
        assertThat(expiry.date()).isEqualTo(date);
        assertThat(expiry.endOfMonth()).isEqualTo(endOfMonth);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "251340 | month 13, outside 01-12",
            "250231 | day 31, but 2025-02 has 28 days",
            "2506   | 6 digits YYMMDD",
            "25O600 | 6 digits YYMMDD",
    })
    void badExpiriesAreRejectedWithTheRule(String printed, String reason) {
        assertThatThrownBy(() -> Expiry.parse(printed)).isInstanceOf(InvalidValueException.class).hasMessageContaining(reason);
    }

    @Test
    void expiryPrintedAndDateMustAgree() {
        assertThatThrownBy(() -> new Expiry("250600", LocalDate.of(2025, 6, 29)))
                .hasMessageContaining("does not match printed expiry 250600, which means 2025-06-30");
        assertThat(Expiry.of(LocalDate.of(2026, 1, 31)).printed()).isEqualTo("260131");
    }

    @Test
    void marketMustBeAnAssignedIso3166Code() {
        assertThat(Market.of("DE").code()).isEqualTo("DE");
        assertThatThrownBy(() -> Market.of("XX")).hasMessageContaining("not an assigned ISO 3166-1 alpha-2");
        assertThatThrownBy(() -> Market.of("de")).hasMessageContaining("two upper-case letters");
        assertThatThrownBy(() -> Market.of("DEU")).hasMessageContaining("two upper-case letters");
    }

    @Test
    void partnerIdsAreSlugs() {
        assertThat(PartnerId.of("acme-cmo").value()).isEqualTo("acme-cmo");
        assertThatThrownBy(() -> PartnerId.of("../etc")).hasMessageContaining("a-z, 0-9 and '-'");
        assertThatThrownBy(() -> PartnerId.of("ACME")).hasMessageContaining("a-z, 0-9 and '-'");
    }

    @Test
    void quantitiesKeepTheirScaleAndRefuseNonsense() {
        assertThat(Quantity.of("0.50", "%").value().scale()).isEqualTo(2);
        assertThatThrownBy(() -> Quantity.of("-1", "packs")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Quantity.of("1,5", "packs")).hasMessageContaining("not a decimal number");
    }

    @Test
    void unknownAlertCodesArePreserved() {
        assertThat(AlertCode.of("A52").known()).isTrue();
        AlertCode future = AlertCode.of("A101");
        assertThat(future.known()).isFalse();
        assertThat(future.value()).isEqualTo("A101");
        assertThat(future.knownCode()).isEmpty();
    }
}
