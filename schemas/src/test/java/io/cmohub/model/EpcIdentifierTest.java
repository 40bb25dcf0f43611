package io.cmohub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.model.value.EpcIdentifier;
import io.cmohub.model.value.InvalidValueException;
import org.junit.jupiter.api.Test;

class EpcIdentifierTest {

    @Test
    void anSgtinUrnAndItsDigitalLinkAreOneIdentifier() {
        EpcIdentifier urn = EpcIdentifier.parse("urn:epc:id:sgtin:0614141.107346.20%2F17");
        EpcIdentifier link = EpcIdentifier.parse("https://example.com/dl/01/10614141073464/21/20%2F17?linkType=all");
        assertThat(urn).isEqualTo(link);
        assertThat(urn.kind()).isEqualTo(EpcIdentifier.Kind.SGTIN);
        assertThat(urn.gtin()).isEqualTo("10614141073464");
        assertThat(urn.serial()).isEqualTo("20/17");
        assertThat(urn.canonical()).isEqualTo("https://id.gs1.org/01/10614141073464/21/20%2F17");
    }

    @Test
    void otherKeysAreReadWithoutASerial() {
        assertThat(EpcIdentifier.parse("urn:epc:id:sscc:0614141.1234567890")).satisfies(id -> {
            assertThat(id.kind()).isEqualTo(EpcIdentifier.Kind.SSCC);
            assertThat(id.serial()).isNull();
        });
        assertThat(EpcIdentifier.parse("urn:epc:id:sgln:0614141.00777.0").gln()).isEqualTo("0614141007776");
        assertThat(EpcIdentifier.parse("urn:epc:class:lgtin:4012345.012345.998877").lot()).isEqualTo("998877");
        assertThat(EpcIdentifier.parse("urn:example:private:42").kind()).isEqualTo(EpcIdentifier.Kind.OTHER);
    }

    @Test
    void aWrongCheckDigitIsRefusedSayingSo() {
        assertThatThrownBy(() -> EpcIdentifier.parse("https://id.gs1.org/01/10614141073461/21/1"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("check digit");
    }
}
