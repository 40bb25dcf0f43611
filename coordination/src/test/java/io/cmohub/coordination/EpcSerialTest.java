package io.cmohub.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.coordination.registry.EpcSerial;
import org.junit.jupiter.api.Test;

class EpcSerialTest {
    @Test
    void sgtinUrnGivesTheGtinWithItsCheckDigit() {
        EpcSerial epc = EpcSerial.parse("urn:epc:id:sgtin:5012345.067890.A0000001").orElseThrow();
        assertThat(epc.product().value()).isEqualTo("05012345678900");
        assertThat(epc.serial().value()).isEqualTo("A0000001");
    }

    @Test
    void escapedSerialsAreDecoded() {
        assertThat(EpcSerial.parse("urn:epc:id:sgtin:5012345.067890.AB%2F12").orElseThrow().serial().value()).isEqualTo("AB/12");
    }

    @Test
    void digitalLink() {
        EpcSerial epc = EpcSerial.parse("https://id.gs1.org/01/05012345100036/21/Z8V96FJKFU32").orElseThrow();
        assertThat(epc.product().value()).isEqualTo("05012345100036");
        assertThat(epc.serial().value()).isEqualTo("Z8V96FJKFU32");
        assertThat(EpcSerial.parse("https://brand.example/01/05012345100036/10/DC24100/21/KBLNWF37VU8H").orElseThrow().serial().value())
                .isEqualTo("KBLNWF37VU8H");
    }

    @Test
    void nonPackIdentifiersGiveNothing() {
        assertThat(EpcSerial.parse("urn:epc:id:sscc:4012345.0000000011")).isEmpty();
        assertThat(EpcSerial.parse("urn:epc:id:sgtin:5012345.067890")).isEmpty();
        assertThat(EpcSerial.parse("urn:epc:id:sgtin:5012345.067890.THIS-SERIAL-IS-FAR-TOO-LONG")).isEmpty();
        assertThat(EpcSerial.parse("https://id.gs1.org/01/05012345100036")).isEmpty();
        assertThat(EpcSerial.parse(null)).isEmpty();
    }
}
