package io.cmohub.console.pages;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** The check every page and action starts with: a logged-in person holding the capability it declares. */
@Component
public class ConsolePerson {
    private final ConsoleAccess access;

    public ConsolePerson(ConsoleAccess access) {
        this.access = access;
    }

    public ConsoleUser require(HttpServletRequest request, Capability capability) {
        ConsoleUser user = access.user(request).orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
        if (user.passwordChangeRequired()) {
            throw new ConsoleRefusal(403, "your password was set by an administrator: change it first (Account page)");
        }
        if (!user.can(capability)) {
            throw new ConsoleRefusal(403, "this page needs " + describe(capability) + "; " + user.displayName() + " has the roles " + user.roles());
        }
        return user;
    }

    static String describe(Capability capability) {
        return switch (capability) {
            case SPONSOR_READ -> "a sponsor role";
            case CASE_WORK -> "a role that works cases (SERIALIZATION_OPS, QA, ADMIN)";
            case CASE_DECISION -> "a role that closes cases (SERIALIZATION_OPS, QA)";
            case RELEASE -> "a role that checks batches for release (QP, QA, ADMIN)";
            case SIGNED_RELEASE -> "the QP role";
            case OPERATIONS -> "a role that keeps the data flowing (SERIALIZATION_OPS, ADMIN)";
            case AUDIT_REVIEW -> "a role that reviews the audit trail (ADMIN, AUDITOR, QA)";
            case ADMINISTRATION -> "the ADMIN role";
            case LIAISON -> "a CMO liaison account";
        };
    }
}
