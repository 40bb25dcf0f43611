package io.cmohub.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the console needs from its host: who is asking, and signing a decision. The gateway implements it
 * with its people and electronic signatures; the console itself holds no accounts and no passwords.
 */
public interface ConsoleAccess {
    /** The person of this request; empty when nobody is logged in (or a machine credential was sent). */
    Optional<ConsoleUser> user(HttpServletRequest request);

    /**
     * Signs {@code record} as the person of the request, who re-entered {@code password} (a person of the
     * identity provider signs in again instead), and carries out {@code action} with the signature's
     * manifestation; refused with {@link ConsoleRefusal} saying why, and then nothing is done.
     */
    <T> T signed(HttpServletRequest request, String password, SignedRecord record, Function<String, T> action);

    /** The person of the request replaces their own local password; refused with {@link ConsoleRefusal} saying why (policy, wrong current one). */
    void changePassword(HttpServletRequest request, String currentPassword, String newPassword);
}
