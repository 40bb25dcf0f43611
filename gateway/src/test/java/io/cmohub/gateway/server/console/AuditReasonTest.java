package io.cmohub.gateway.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditReasonTest {
    @Test
    void aTypedReasonIsKeptStrippedABlankOneFallsBackAndAHostileOneIsRefused() {
        assertThat(AuditReason.of("  Paul on leave  ", "changed").text()).isEqualTo("Paul on leave");
        assertThat(AuditReason.of(" ", "changed in the console").text()).isEqualTo("changed in the console");
        assertThatThrownBy(() -> AuditReason.of("x".repeat(501), "changed")).hasMessageContaining("1-500 printable characters");
        assertThatThrownBy(() -> AuditReason.of("line one\nforged: line two", "changed")).hasMessageContaining("on one line");
    }
}
