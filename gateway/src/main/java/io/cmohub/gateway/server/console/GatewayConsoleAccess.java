package io.cmohub.gateway.server.console;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import io.cmohub.console.SignedRecord;
import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.OwnPassword;
import io.cmohub.gateway.server.people.PersonLookup;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.gateway.server.signatures.ElectronicSignature;
import io.cmohub.gateway.server.signatures.JdbcSignatures;
import io.cmohub.gateway.server.signatures.SignatureCeremony;
import io.cmohub.gateway.server.signatures.SignatureMeaning;
import io.cmohub.gateway.server.signatures.SignatureRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's view of the gateway's people: the person of the login session (read again on every request,
 * so a disabled account stops at once), each console {@link Capability} decided by the API's access rule of
 * the same name, and signatures made and spent exactly as through {@code /api/v1/signatures}.
 */
public class GatewayConsoleAccess implements ConsoleAccess {
    private final PersonLookup people;
    private final SignatureCeremony ceremony;
    private final JdbcSignatures signatures;
    private final OwnPassword ownPassword;

    public GatewayConsoleAccess(PersonLookup people, SignatureCeremony ceremony, JdbcSignatures signatures, OwnPassword ownPassword) {
        this.people = people;
        this.ceremony = ceremony;
        this.signatures = signatures;
        this.ownPassword = ownPassword;
    }

    @Override
    public Optional<ConsoleUser> user(HttpServletRequest request) {
        return principal(request).map(GatewayConsoleAccess::user);
    }

    static ConsoleUser user(Principal person) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Capability capability : Capability.values()) {
            boolean allowed = capability == Capability.LIAISON ? person.roles().contains(Role.LIAISON) && person.partner() != null
                    : AccessRule.valueOf(capability.name()).allows(person);
            if (allowed) {
                capabilities.add(capability);
            }
        }
        return new ConsoleUser(person.id(), person.displayName(), person.actor(), person.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                capabilities, person.roles().contains(Role.LIAISON) ? person.partner() : null, person.passwordChangeRequired());
    }

    @Override
    public <T> T signed(HttpServletRequest request, String password, SignedRecord record, Function<String, T> action) {
        Principal person = principal(request).orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
        SignatureMeaning meaning = SignatureMeaning.parse(record.meaning());
        try {
            ElectronicSignature signature = ceremony.sign(person, password, meaning, record.recordType(), record.recordId(), request.getRemoteAddr());
            return signatures.spend(signature.signatureId(), person.id(), meaning, record.recordType(), record.recordId(),
                    spent -> action.apply(spent.manifestation()));
        } catch (SignatureRefusedException e) {
            throw new ConsoleRefusal(403, e.getMessage());
        }
    }

    @Override
    public void changePassword(HttpServletRequest request, String currentPassword, String newPassword) {
        Principal person = principal(request).orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
        try {
            ownPassword.change(person, currentPassword, newPassword, request.getRemoteAddr());
        } catch (OwnPassword.Refused e) {
            throw new ConsoleRefusal(e.policy() ? 400 : 403, e.getMessage());
        }
    }

    private Optional<Principal> principal(HttpServletRequest request) {
        // a console request is a browser's: a machine credential header makes it nobody's, never the session's
        if (request.getHeader("X-Api-Key") != null) {
            return Optional.empty();
        }
        return people.current();
    }
}
