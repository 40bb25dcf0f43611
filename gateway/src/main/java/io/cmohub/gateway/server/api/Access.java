package io.cmohub.gateway.server.api;

import io.cmohub.routes.audit.AuditEvent;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.routes.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Object-level authorisation of the API: partners reach only their own path and documents, admins everything. Refusals are audited. */
@Component
public class Access {
    private final AuditTrail audit;

    public Access(AuditTrail audit) {
        this.audit = audit;
    }

    Principal principal(HttpServletRequest request) {
        Principal principal = (Principal) request.getAttribute(Principal.REQUEST_ATTRIBUTE);
        if (principal == null) {
            // Defence in depth: an API request that reached a controller without passing the filter.
            throw new ApiException(HttpStatus.UNAUTHORIZED, "authentication required");
        }
        return principal;
    }

    /** The caller must be this partner (or the admin acting for it). */
    Principal requirePartner(HttpServletRequest request, String partner) {
        Principal principal = principal(request);
        if (!principal.isAdmin() && !principal.id().equals(partner)) {
            audit.record(AuditEvent.denied(principal.actor(), "ACCESS_DENIED").on("partner", partner)
                    .because("partner '" + principal.id() + "' may not act for partner '" + partner + "'")
                    .details(request.getMethod() + " " + request.getRequestURI()));
            throw new ApiException(HttpStatus.FORBIDDEN, "partner '" + principal.id() + "' may not act for partner '" + partner + "'");
        }
        return principal;
    }

    /** Alerts are the sponsor's: the admin or a configured alert source, never a CMO partner. */
    Principal requireAlertAccess(HttpServletRequest request) {
        Principal principal = principal(request);
        if (!principal.isAdmin() && !principal.isAlertSource()) {
            audit.record(AuditEvent.denied(principal.actor(), "ACCESS_DENIED").on("endpoint", request.getRequestURI())
                    .because("admin or alert-source credential required").details(request.getMethod() + " " + request.getRequestURI()));
            throw new ApiException(HttpStatus.FORBIDDEN, "this endpoint needs the admin or an alert-source credential");
        }
        return principal;
    }

    Principal requireAdmin(HttpServletRequest request) {
        Principal principal = principal(request);
        if (!principal.isAdmin()) {
            audit.record(AuditEvent.denied(principal.actor(), "ACCESS_DENIED").on("endpoint", request.getRequestURI())
                    .because("admin credential required").details(request.getMethod() + " " + request.getRequestURI()));
            throw new ApiException(HttpStatus.FORBIDDEN, "this endpoint needs the admin credential");
        }
        return principal;
    }
}
