package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.AccountAdministration;
import io.cmohub.gateway.server.people.PersonAccount;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local accounts, administered without a restart (role ADMIN): create
 * {@code {username, displayName, roles, password?, partner?}}, list (the access review: roles, last login,
 * locks, disabled accounts), change name, roles, partner or {@code enabled}, and reset the password. A
 * password set or generated here is shown once and must be changed by its owner at the next login.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
public class UsersController {
    private final Access access;
    private final JdbcAccounts accounts;
    private final AccountAdministration administration;

    public UsersController(Access access, JdbcAccounts accounts, AccountAdministration administration) {
        this.access = access;
        this.accounts = accounts;
        this.administration = administration;
    }

    @Authorised(AccessRule.ADMINISTRATION)
    @GetMapping
    public List<PersonAccount> list(HttpServletRequest request) {
        access.requireAdmin(request);
        return accounts.list();
    }

    @Authorised(AccessRule.ADMINISTRATION)
    @GetMapping("/{username}")
    public PersonAccount get(@PathVariable String username, HttpServletRequest request) {
        access.requireAdmin(request);
        return find(username);
    }

    @Authorised(AccessRule.ADMINISTRATION)
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
        AccountAdministration.Outcome created;
        try {
            created = administration.create(admin, JsonBody.text(body, "username"), JsonBody.text(body, "displayName"), roles(body.get("roles")),
                    JsonBody.text(body, "partner"), JsonBody.text(body, "password"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (AccountAdministration.Conflict e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("account", created.account());
        if (created.initialPassword() != null) {
            response.put("initialPassword", created.initialPassword()); // shown this once; the owner must change it at the first login
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    /** Body with any of {@code displayName}, {@code roles}, {@code partner}, {@code enabled}, {@code resetPassword: true}, and a {@code reason}. */
    @Authorised(AccessRule.ADMINISTRATION)
    @PatchMapping("/{username}")
    public Map<String, Object> change(@PathVariable String username, @RequestBody JsonNode body, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
        PersonAccount before = find(username);
        AccountAdministration.Outcome changed;
        try {
            Boolean enabled = body.has("enabled") ? JsonBody.flag(body, "enabled", before.enabled()) : null;
            changed = administration.change(admin, before, new AccountAdministration.Change(
                    body.has("displayName") ? JsonBody.text(body, "displayName") : null, body.has("roles") ? roles(body.get("roles")) : null,
                    JsonBody.text(body, "partner"), body.has("partner"), enabled, JsonBody.flag(body, "resetPassword", false), JsonBody.text(body, "reason")));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (AccountAdministration.Conflict e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        if (changed.initialPassword() != null) {
            response.put("initialPassword", changed.initialPassword());
        }
        response.put("account", changed.account());
        return response;
    }

    private PersonAccount find(String username) {
        return accounts.find(username).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no account " + username));
    }

    private static Set<Role> roles(JsonNode roles) {
        if (roles == null || !roles.isArray()) {
            throw new IllegalArgumentException("roles must be a list, e.g. [\"QA\"]; known: " + java.util.Arrays.toString(Role.values()));
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        roles.forEach(role -> parsed.add(Role.parse(role.asText())));
        return parsed;
    }
}
