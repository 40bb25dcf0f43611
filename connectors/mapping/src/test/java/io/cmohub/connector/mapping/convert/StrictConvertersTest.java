package io.cmohub.connector.mapping.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.model.value.Expiry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Numbers, expiries and checks as CMOs write them: every form is either read as meant or refused with
 * a reason that quotes what the CMO sent. Never read as something else.
 */
class StrictConvertersTest {
    private static final ConverterRegistry CONVERTERS = ConverterRegistry.load(StrictConvertersTest.class.getClassLoader());

    static Converter converter(String name, Object argument) {
        return CONVERTERS.find(name).orElseThrow().create(new ConverterArgument(argument, Map.of()));
    }

    @ParameterizedTest(name = "decimal-comma reads ''{0}'' as {1}")
    @CsvSource(delimiter = '|', value = {
            "1.234,5|1234.5", "1234,5|1234.5", "0,50|0.50", "12|12", "-1.234.567,891|-1234567.891", "+3,0|3.0", " 7 |7", "999|999", "1.234|1234"})
    void decimalCommaReadsWhatItShould(String written, String meant) {
        assertThat(converter("decimal-comma", null).convert(written)).isEqualTo(new BigDecimal(meant));
    }

    @ParameterizedTest(name = "decimal-comma refuses ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "1.20|a group of 2 digits after the grouping mark '.'",
            "12.5|a group of 1 digits after the grouping mark '.'",
            "12,500.00|the grouping mark '.' after the decimal mark ','",
            "1,2,3|the decimal mark ',' twice",
            "1234.567|starts with a group of 4 digits",
            ".5|starts with a group of 0 digits",
            "5,|digits on both sides of the decimal mark",
            "1 234,5|the character U+0020 at position 2",
            "1e5|'e' at position 2",
            "--1|'-' at position 2",
            "12.34.56|a group of 2 digits"})
    void decimalCommaRefusesWhatCouldBeMisread(String written, String why) {
        assertThatThrownBy(() -> converter("decimal-comma", null).convert(written)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + written + "' is not a number written as 1.234,5: it ").hasMessageContaining(why);
    }

    @Test
    void decimalWithAGroupingSeparatorIsAsStrict() {
        Converter dotsAndCommas = converter("decimal", Map.of("decimal-separator", ".", "grouping-separator", ","));
        assertThat(dotsAndCommas.convert("12,500.00")).isEqualTo(new BigDecimal("12500.00"));
        assertThatThrownBy(() -> dotsAndCommas.convert("1,20")).hasMessageContaining("a group of 2 digits after the grouping mark ','");
        assertThatThrownBy(() -> dotsAndCommas.convert("12.500,00")).hasMessageContaining("the grouping mark ',' after the decimal mark '.'");
        Converter plain = converter("decimal", null);
        assertThat(plain.convert("12.5")).isEqualTo(new BigDecimal("12.5"));
        assertThatThrownBy(() -> plain.convert("1,5")).hasMessage("'1,5' is not a number written as 1234.5: it has ',' at position 2");
        Converter spaces = converter("decimal", Map.of("decimal-separator", ",", "grouping-separator", "space"));
        assertThat(spaces.convert("1 234 567,5")).isEqualTo(new BigDecimal("1234567.5"));
        assertThatThrownBy(() -> converter("decimal", Map.of("decimal-separator", ",", "grouping-separator", ",")))
                .hasMessageContaining("cannot be the grouping mark");
    }

    @Test
    void aLocaleNamesTheNotation() {
        assertThat(converter("number", "de-DE").convert("1.234,5")).isEqualTo(new BigDecimal("1234.5"));
        assertThatThrownBy(() -> converter("number", "de-DE").convert("1.20")).hasMessageContaining("a group of 2 digits");
        assertThat(converter("number", Map.of("locale", "en-GB")).convert("12,500.00")).isEqualTo(new BigDecimal("12500.00"));
        assertThat(converter("number", "fr-FR").convert("1\u202f234,5")).isEqualTo(new BigDecimal("1234.5"));
        assertThatThrownBy(() -> converter("number", "fr-FR").convert("1 234,5")).as("a plain space is not fr-FR's grouping mark")
                .hasMessageContaining("U+0020");
        assertThatThrownBy(() -> converter("number", "xx-QQ")).hasMessageContaining("'xx-QQ' is not a locale");
    }

    @ParameterizedTest(name = "expiry-date {1} reads ''{0}'' as {2}")
    @CsvSource(delimiter = '|', value = {
            "00.06.2027|dd.MM.yyyy|270600", "30.06.2027|dd.MM.yyyy|270630", "2027-06-00|yyyy-MM-dd|270600", "00/02/28|dd/MM/yy|280200",
            "0006 2027|ddMM yyyy|270600"})
    void expiryDateTakesDayZeroAsTheEndOfTheMonth(String written, String pattern, String printed) {
        Expiry expiry = (Expiry) converter("expiry-date", pattern).convert(written);
        assertThat(expiry.printed()).isEqualTo(printed);
    }

    @Test
    void anExpiryThatIsNotOneIsRefusedQuotingIt() {
        assertThatThrownBy(() -> converter("expiry-date", "dd.MM.yyyy").convert("00.13.2027")).hasMessageContaining("'00.13.2027'");
        assertThatThrownBy(() -> converter("expiry-date", "dd.MM.yyyy").convert("31.02.2027")).hasMessageContaining("'31.02.2027'");
        assertThatThrownBy(() -> converter("expiry-date", "dd.MM.yyyy").convert("00.06.2127")).hasMessageContaining("'00.06.2127'")
                .hasMessageContaining("outside 2000-2099");
        assertThat(((Expiry) converter("expiry-date", "dd.MM.yyyy").convert("00.02.2028")).date()).hasDayOfMonth(29);
    }

    @Test
    void checksPassTheValueOrRefuseItWithTheMappingsMessage() {
        Converter batchNumber = converter("matches", Map.of("pattern", "[A-Z]{2}[0-9]{5}", "message", "is not a batch number of line 3"));
        assertThat(batchNumber.convert("CZ24001")).isEqualTo("CZ24001");
        assertThatThrownBy(() -> batchNumber.convert("CZ24001X")).hasMessage("'CZ24001X' is not a batch number of line 3");
        assertThatThrownBy(() -> converter("matches", "[0-9]+").convert("12a")).hasMessage("'12a' does not match [0-9]+");
        assertThatThrownBy(() -> converter("matches", "[0-9")).hasMessageContaining("is not a regular expression");

        Converter status = converter("one-of", List.of("RELEASED", "BLOCKED"));
        assertThat(status.convert("BLOCKED")).isEqualTo("BLOCKED");
        assertThatThrownBy(() -> status.convert("released")).hasMessage("'released' is not one of RELEASED, BLOCKED");
        assertThatThrownBy(() -> converter("one-of", Map.of("values", List.of("A"), "message", "is no SAP usage decision")).convert("B"))
                .hasMessage("'B' is no SAP usage decision");
        assertThatThrownBy(() -> converter("one-of", Map.of("vals", List.of("A")))).hasMessageContaining("has no option 'vals'");
    }
}
