package io.cmohub.gateway.server.api;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.routes.audit.AuditTrail;
import io.cmohub.gateway.server.people.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Authorisation of the API: which roles an endpoint needs (the sets in {@link Role}), and object-level
 * checks — partners and their liaisons reach only their own path and documents. Refusals are audited.
 */
@Component
public class Access {
    private final AuditTrail audit;

    public Access(AuditTrail audit) {
        this.audit = audit;
    }

    public Principal principal(HttpServletRequest request) {
        Principal principal = (Principal) request.getAttribute(Principal.REQUEST_ATTRIBUTE);
        if (principal == null) {
            // Defence in depth: an API request that reached a controller without passing the filter.
            throw new ApiException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        return principal;
    }

    /** The caller must act for this partner: its own key, certificate or liaison, or an administrator. */
    public Principal requirePartner(HttpServletRequest request, String partner) {
        Principal principal = principal(request);
        if (!principal.mayActFor(partner)) {
            String who = principal.kind() == Principal.Kind.PARTNER ? "partner '" + principal.id() + "'" : principal.actor();
            String reason = who + " may not act for partner '" + partner + "'";
            audit.record(AuditEvent.denied(principal.actor(), "ACCESS_DENIED").on("partner", partner).because(reason)
                    .details(request.getMethod() + " " + request.getRequestURI()));
            throw new ApiException(HttpStatus.FORBIDDEN, reason);
        }
        return principal;
    }

    /** May read this partner's data: the sponsor (any sponsor role) or whoever may act for the partner. */
    public Principal requireVisible(HttpServletRequest request, String partner) {
        Principal principal = principal(request);
        return principal.isSponsor() ? principal : requirePartner(request, partner);
    }

    /** Alerts are the sponsor's: a configured alert source or someone who works cases, never a CMO. */
    public Principal requireAlertAccess(HttpServletRequest request) {
        Principal principal = principal(request);
        if (!principal.isAlertSource() && !principal.hasAny(Role.CASE_WORK)) {
            refuse(request, principal, "an alert-source credential or one of the roles " + Role.CASE_WORK);
        }
        return principal;
    }

    /** The caller must hold one of {@code roles}; the refusal names them. */
    public Principal requireRoles(HttpServletRequest request, Set<Role> roles) {
        Principal principal = principal(request);
        if (!principal.hasAny(roles)) {
            refuse(request, principal, "one of the roles " + roles);
        }
        return principal;
    }

    /** A GxP decision: a named person (who can sign) holding one of {@code roles}; no machine credential. */
    public Principal requirePerson(HttpServletRequest request, Set<Role> roles) {
        Principal principal = principal(request);
        if (!principal.isPerson()) {
            refuse(request, principal, "a named person with one of the roles " + roles + " (a decision is signed; an API key cannot sign)");
        }
        return requireRoles(request, roles);
    }

    public Principal requireAdmin(HttpServletRequest request) {
        return requireRoles(request, Role.ADMINISTRATION);
    }

    private void refuse(HttpServletRequest request, Principal principal, String needed) {
        audit.record(AuditEvent.denied(principal.actor(), "ACCESS_DENIED").on("endpoint", request.getRequestURI())
                .because(needed + " required").details(request.getMethod() + " " + request.getRequestURI()));
        throw new ApiException(HttpStatus.FORBIDDEN, "this endpoint needs " + needed);
    }
}
