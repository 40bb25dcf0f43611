package io.cmohub.gateway.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleUser;
import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.PersonAccount;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GatewayConsoleAccessTest {
    private static Principal person(Role role, String partner) {
        return Principal.person(new PersonAccount("p-" + role.name().toLowerCase(), "Person " + role, EnumSet.of(role), partner, PersonAccount.Source.LOCAL,
                true, false, 0, null, null, null, null, "test"), "password");
    }

    @Test
    void everySponsorCapabilityIsTheApisAccessRuleOfTheSameName() {
        Arrays.stream(Capability.values()).filter(c -> c != Capability.LIAISON)
                .forEach(c -> assertThat(AccessRule.valueOf(c.name())).as(c.name()).isNotNull());
    }

    @Test
    void eachRoleGetsWhatTheApiAllowsIt() {
        ConsoleUser qa = GatewayConsoleAccess.user(person(Role.QA, null));
        assertThat(qa.capabilities()).containsExactlyInAnyOrder(Capability.SPONSOR_READ, Capability.CASE_WORK, Capability.CASE_DECISION, Capability.RELEASE,
                Capability.AUDIT_REVIEW);
        assertThat(GatewayConsoleAccess.user(person(Role.QP, null)).capabilities())
                .containsExactlyInAnyOrder(Capability.SPONSOR_READ, Capability.RELEASE, Capability.SIGNED_RELEASE);
        assertThat(qa.actor()).isEqualTo("user:p-qa (Person QA)");
        assertThat(GatewayConsoleAccess.user(person(Role.AUDITOR, null)).capabilities())
                .containsExactlyInAnyOrder(Capability.SPONSOR_READ, Capability.AUDIT_REVIEW);
        assertThat(GatewayConsoleAccess.user(person(Role.ADMIN, null)).capabilities())
                .containsExactlyInAnyOrder(Capability.SPONSOR_READ, Capability.CASE_WORK, Capability.RELEASE, Capability.AUDIT_REVIEW,
                        Capability.OPERATIONS, Capability.ADMINISTRATION);
        ConsoleUser liaison = GatewayConsoleAccess.user(person(Role.LIAISON, "acme-lyon"));
        assertThat(liaison.capabilities()).containsExactly(Capability.LIAISON);
        assertThat(liaison.partner()).isEqualTo("acme-lyon");
        assertThat(liaison.isLiaison()).isTrue();
    }
}
