package io.cmohub.routes.partner;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cmohub.routes.templates.PartnerSeed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyRuleTest {

    @Test
    void aConfiguredPartnerKeyShorterThanSixteenCharactersStopsTheSeedNamingThePartner() {
        assertThatThrownBy(() -> new PartnerSeed("acme-cmo", "ACME", "secret", null, List.of(), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the API key of partner acme-cmo is 6 characters long; API keys need at least 16 (e.g. openssl rand -hex 16)");
        assertThatCode(() -> new PartnerSeed("acme-cmo", "ACME", "0123456789abcdef", null, List.of(), List.of(), Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> new PartnerSeed("acme-cmo", "ACME", null, "CN=acme", List.of(), List.of(), Map.of())).as("certificate only").doesNotThrowAnyException();
    }
}
