package io.cmohub.connector.epcis;

import io.cmohub.model.value.EpcIdentifier;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpcReadingTest {
    private final EpcReading reading = new EpcReading();

    /** The fast path for plain SGTIN URNs must write exactly what the general path (EpcIdentifier) writes. */
    @ParameterizedTest
    @ValueSource(strings = {
        "urn:epc:id:sgtin:0614141.107346.2017",
        "  urn:epc:id:sgtin:0614141.107346.2017\n",
        "urn:epc:id:sgtin:4012345.012345.ABC-def_123",
        "urn:epc:id:sgtin:401234567890.0.X",
        "urn:epc:id:sgtin:4012345.012345.!'()*+,:;=",
        "urn:epc:id:sgtin:4012345.012345.12345678901234567890",
        "urn:epc:id:sgtin:4012345.012345.a%2Fb",        // escaped: general path
        "urn:epc:id:sgtin:4012345.012345.123456789012345678901", // too long: general path explains
        "urn:epc:id:sscc:0614141.1234567890",
        "https://id.gs1.org/01/09506000134352/21/%21x",
        "https://example.com/dl/01/09506000134352/21/7?x=1",
        "urn:example:not-gs1",
        "urn:epc:id:grai:0614141.12345.400",
        "urn:epc:id:sgtin:4012345.012345.it's;a=b",
    })
    void writesTheCanonicalFormIdentifierGives(String epc) {
        boolean read = reading.read("epcList", epc);
        EpcIdentifier id;
        try {
            id = EpcIdentifier.parse(epc);
        } catch (io.cmohub.model.value.InvalidValueException e) {
            assertThat(read).isFalse();
            assertThat(reading.error).isEqualTo(e.getMessage());
            return;
        }
        assertThat(read).isTrue();
        String canonical = new String(reading.canonical(), 0, reading.canonicalLength, StandardCharsets.UTF_8);
        boolean uninterpreted = id.kind() == EpcIdentifier.Kind.OTHER_GS1 || id.kind() == EpcIdentifier.Kind.OTHER;
        String expected = uninterpreted ? Gs1CanonicalValue.of(epc) : id.canonical();
        assertThat(canonical).isEqualTo(expected);
        assertThat(reading.gtin).isEqualTo(id.gtin());
        assertThat(new String(reading.text(), 0, reading.textLength())).isEqualTo(epc.strip());
    }

    /** One reading after another, as in a document: the shared-prefix shortcut must give what a fresh reading gives. */
    @Test
    void aSequenceOfEpcsReadsAsEachReadsAlone() {
        List<String> sequence = List.of("urn:epc:id:sgtin:4012345.012345.1001", "urn:epc:id:sgtin:4012345.012345.1002",
                "urn:epc:id:sgtin:4012345.012345.10%2F3", "urn:epc:id:sgtin:4012345.012345.1004", "urn:epc:id:sgtin:4012345.012345.a.b",
                "urn:epc:id:sgtin:4012345.012345.1005", "urn:epc:id:sscc:4012345.0000000017", "urn:epc:id:sgtin:4012345.012345.1006",
                "urn:epc:id:sgtin:4012345.112345.1006", "urn:epc:id:sgtin:4012345.012345.(1007)", "urn:epc:id:sgtin:4012345.012345." + "9".repeat(21),
                "urn:epc:id:sgtin:4012345.012345.1008", "urn:epc:id:sgtin:4012345.012345.", "urn:epc:id:sgtin:4012345.012345.1009");
        for (String epc : sequence) {
            EpcReading fresh = new EpcReading();
            boolean expected = fresh.read("epcList", epc);
            assertThat(reading.read("epcList", epc)).as(epc).isEqualTo(expected);
            if (expected) {
                assertThat(new String(reading.canonical(), 0, reading.canonicalLength, StandardCharsets.UTF_8)).as(epc)
                        .isEqualTo(new String(fresh.canonical(), 0, fresh.canonicalLength, StandardCharsets.UTF_8));
                assertThat(reading.gtin).isEqualTo(fresh.gtin);
            } else {
                assertThat(reading.error).isEqualTo(fresh.error);
            }
        }
    }

    @Test
    void aWrongCheckDigitInADigitalLinkIsAnErrorThatSaysSo() {
        assertThat(reading.read("epcList", "https://id.gs1.org/01/09506000134353/21/1")).isFalse();
        assertThat(reading.error).contains("check digit");
    }

    @Test
    void emptyAndOverlongEntriesAreErrorsThatNameTheList() {
        assertThat(reading.read("childEPCs", "  ")).isFalse();
        assertThat(reading.error).isEqualTo("an entry of childEPCs is empty");
        assertThat(reading.read("epcList", "urn:epc:id:sgtin:4012345.012345." + "9".repeat(600))).isFalse();
        assertThat(reading.error).contains("632 characters long; at most 512");
    }

    @Test
    void fingerprintsDifferForNeighbouringSerialsInEveryLowBit() {
        java.util.Set<Long> lowBits = new java.util.HashSet<>();
        for (int i = 0; i < 4096; i++) {
            byte[] b = ("https://id.gs1.org/01/09506000134352/21/" + i).getBytes(StandardCharsets.US_ASCII);
            lowBits.add(Fingerprint.of(b, 0, b.length) & 0xffff);
        }
        // sequential serials must spread over a hash table's slots: 4096 keys in 65536 slots, few collide
        assertThat(lowBits.size()).isGreaterThan(3900);
    }
}
