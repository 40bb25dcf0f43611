package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.OwnPassword;
import io.cmohub.gateway.server.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller: who they are, their roles and partner, and — for a person — their own password. Any authenticated caller. */
@RestController
@RequestMapping("/api/v1/me")
public class MeController {
    private final Access access;
    private final JdbcAccounts accounts;
    private final OwnPassword ownPassword;

    public MeController(Access access, JdbcAccounts accounts, OwnPassword ownPassword) {
        this.access = access;
        this.accounts = accounts;
        this.ownPassword = ownPassword;
    }

    @Authorised(AccessRule.ANYONE)
    @GetMapping
    public Map<String, Object> me(HttpServletRequest request) {
        Principal principal = access.principal(request);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("kind", principal.kind().name());
        me.put("username", principal.id());
        me.put("displayName", principal.displayName());
        me.put("roles", principal.roles().stream().map(Enum::name).sorted().toList());
        me.put("partner", principal.partner());
        me.put("authenticatedBy", principal.how());
        me.put("passwordChangeRequired", principal.passwordChangeRequired());
        if (principal.isPerson()) {
            accounts.find(principal.id()).ifPresent(account -> me.put("lastLoginAt", account.lastLoginAt()));
        }
        // a browser session sends this token with every change it makes (header or _csrf form field)
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf && request.getHeader("X-Api-Key") == null
                && request.getHeader("Authorization") == null) {
            me.put("csrf", Map.of("headerName", csrf.getHeaderName(), "parameterName", csrf.getParameterName(), "token", csrf.getToken()));
        }
        return me;
    }

    /** Body {@code {"currentPassword": "...", "newPassword": "..."}}; the person's own local password only. */
    @Authorised(AccessRule.PERSON)
    @PostMapping("/password")
    public ResponseEntity<Void> changePassword(@RequestBody Map<String, String> body, HttpServletRequest request) {
        Principal principal = access.principal(request);
        try {
            ownPassword.change(principal, body.get("currentPassword"), body.get("newPassword"), request.getRemoteAddr());
        } catch (OwnPassword.Refused e) {
            throw new ApiException(e.policy() ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN, e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }
}
