package io.cmohub.gateway.server.people;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code cmohub.people.*}: local accounts, lockout, signatures. (The idle timeout is {@code server.servlet.session.timeout}, applied to the second by {@link SessionIdleTimeout}.) */
@ConfigurationProperties("cmohub.people")
public class PeopleProperties {
    /** Shortest password a local account may set. */
    private int passwordMinLength = 12;
    /** How many earlier passwords a new one may not repeat. */
    private int passwordHistory = 5;
    /** Failed logins in a row that lock a local account. */
    private int lockoutFailures = 5;
    /** How long a locked account stays locked (an admin's password reset unlocks it at once). */
    private Duration lockoutDuration = Duration.ofMinutes(15);
    /** How long a signature made by re-entering the password may wait for the action it was made for. */
    private Duration signatureValidity = Duration.ofMinutes(5);
    /** The first administrator, created with a generated password (in data-dir/initial-admin-password) when no account exists. */
    private String initialAdmin = "cmohub-admin";
    private final Oidc oidc = new Oidc();

    /**
     * How the sponsor's identity provider's claims name a person (the provider itself is Spring Boot's
     * {@code spring.security.oauth2.client.*} for browser logins and {@code spring.security.oauth2.resourceserver.jwt.*}
     * for bearer tokens).
     */
    public static class Oidc {
        /** The claim that is the username (stable, unique): {@code preferred_username} (Keycloak), {@code upn} or {@code oid} (Entra ID). */
        private String usernameClaim = "preferred_username";
        /** The claim with the printed name. */
        private String displayNameClaim = "name";
        /** The claim with the roles, a list; a dotted path reaches into objects ({@code realm_access.roles} for Keycloak realm roles). */
        private String rolesClaim = "roles";
        /** The claim with the partner a LIAISON acts for. */
        private String partnerClaim = "cmohub_partner";
        /** Provider values (group ids, app-role names) → hub roles; values without an entry are matched by role name, others ignored. */
        private java.util.Map<String, String> roleMapping = new java.util.LinkedHashMap<>();
        /** How recent a provider sign-in must be for its person to sign (their re-authentication stands in for the password). */
        private Duration signatureMaxAge = Duration.ofMinutes(2);

        public Duration getSignatureMaxAge() {
            return signatureMaxAge;
        }

        public void setSignatureMaxAge(Duration signatureMaxAge) {
            this.signatureMaxAge = signatureMaxAge;
        }

        public String getUsernameClaim() {
            return usernameClaim;
        }

        public void setUsernameClaim(String usernameClaim) {
            this.usernameClaim = usernameClaim;
        }

        public String getDisplayNameClaim() {
            return displayNameClaim;
        }

        public void setDisplayNameClaim(String displayNameClaim) {
            this.displayNameClaim = displayNameClaim;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getPartnerClaim() {
            return partnerClaim;
        }

        public void setPartnerClaim(String partnerClaim) {
            this.partnerClaim = partnerClaim;
        }

        public java.util.Map<String, String> getRoleMapping() {
            return roleMapping;
        }

        public void setRoleMapping(java.util.Map<String, String> roleMapping) {
            this.roleMapping = roleMapping;
        }
    }

    public int getPasswordMinLength() {
        return passwordMinLength;
    }

    public void setPasswordMinLength(int passwordMinLength) {
        this.passwordMinLength = passwordMinLength;
    }

    public int getPasswordHistory() {
        return passwordHistory;
    }

    public void setPasswordHistory(int passwordHistory) {
        this.passwordHistory = passwordHistory;
    }

    public int getLockoutFailures() {
        return lockoutFailures;
    }

    public void setLockoutFailures(int lockoutFailures) {
        this.lockoutFailures = lockoutFailures;
    }

    public Duration getLockoutDuration() {
        return lockoutDuration;
    }

    public void setLockoutDuration(Duration lockoutDuration) {
        this.lockoutDuration = lockoutDuration;
    }

    public Duration getSignatureValidity() {
        return signatureValidity;
    }

    public void setSignatureValidity(Duration signatureValidity) {
        this.signatureValidity = signatureValidity;
    }

    public Oidc getOidc() {
        return oidc;
    }

    public String getInitialAdmin() {
        return initialAdmin;
    }

    public void setInitialAdmin(String initialAdmin) {
        this.initialAdmin = initialAdmin;
    }
}
