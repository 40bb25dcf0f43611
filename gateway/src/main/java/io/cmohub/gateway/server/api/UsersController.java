package io.cmohub.gateway.server.api;

import io.cmohub.gateway.server.people.AccessRule;
import com.fasterxml.jackson.databind.JsonNode;
import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.PasswordPolicy;
import io.cmohub.gateway.server.people.PersonAccount;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.model.value.PartnerId;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
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
    private final PasswordPolicy passwords;
    private final JdbcPartnerDirectory partners;

    public UsersController(Access access, JdbcAccounts accounts, PasswordPolicy passwords, JdbcPartnerDirectory partners) {
        this.access = access;
        this.accounts = accounts;
        this.passwords = passwords;
        this.partners = partners;
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
        PersonAccount account;
        String password;
        String hash;
        try {
            String username = io.cmohub.gateway.server.people.AccountRules.username(JsonBody.text(body, "username"));
            String partner = partner(JsonBody.text(body, "partner"));
            account = new PersonAccount(username, io.cmohub.gateway.server.people.AccountRules.displayName(JsonBody.text(body, "displayName")),
                    io.cmohub.gateway.server.people.AccountRules.roles(roles(body.get("roles")), partner), partner, PersonAccount.Source.LOCAL,
                    true, true, 0, null, null, null, null, admin.actor());
            password = JsonBody.text(body, "password");
            if (password == null) {
                password = passwords.generateFor(username);
            }
            hash = passwords.hashNew(username, password);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (accounts.find(account.username()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "an account '" + account.username() + "' exists; change it with PATCH");
        }
        PersonAccount created = accounts.create(account, hash, admin.actor());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("account", created);
        if (JsonBody.text(body, "password") == null) {
            response.put("initialPassword", password); // shown this once; the owner must change it at the first login
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    /** Body with any of {@code displayName}, {@code roles}, {@code partner}, {@code enabled}, {@code resetPassword: true}, and a {@code reason}. */
    @Authorised(AccessRule.ADMINISTRATION)
    @PatchMapping("/{username}")
    public Map<String, Object> change(@PathVariable String username, @RequestBody JsonNode body, HttpServletRequest request) {
        Principal admin = access.requireAdmin(request);
        PersonAccount before = find(username);
        PersonAccount after;
        try {
            String partner = body.has("partner") ? partner(JsonBody.text(body, "partner")) : before.partner();
            Set<Role> roles = body.has("roles") ? roles(body.get("roles")) : before.roles();
            after = new PersonAccount(username, body.has("displayName") ? io.cmohub.gateway.server.people.AccountRules.displayName(JsonBody.text(body, "displayName"))
                    : before.displayName(), io.cmohub.gateway.server.people.AccountRules.roles(roles, partner), partner, before.source(),
                    JsonBody.flag(body, "enabled", before.enabled()), before.passwordChangeRequired(), before.failedLogins(),
                    before.lockedUntil(), before.lastLoginAt(), before.passwordChangedAt(), before.createdAt(), before.createdBy());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        boolean reset;
        try {
            reset = JsonBody.flag(body, "resetPassword", false);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (admin.isPerson() && admin.id().equals(username) && (!after.enabled() || !after.roles().equals(before.roles()) || reset)) {
            // separation of duties: nobody grants themselves a role or resets their own password past the password policy
            throw new ApiException(HttpStatus.CONFLICT, "an administrator cannot change their own roles, disable their own account or reset their own"
                    + " password; another administrator must (a person changes their own password with POST /api/v1/me/password)");
        }
        String reason = JsonBody.text(body, "reason");
        Map<String, Object> response = new LinkedHashMap<>();
        if (!after.equals(before)) {
            after = accounts.update(before, after, admin.actor(), reason == null ? "changed by an administrator" : reason);
        }
        if (reset) {
            String password = passwords.generateFor(username);
            accounts.setPassword(username, passwords.hashNew(username, password), true, admin.actor(), "PASSWORD_RESET");
            response.put("initialPassword", password);
            after = find(username);
        }
        response.put("account", after);
        return response;
    }

    private PersonAccount find(String username) {
        return accounts.find(username).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no account " + username));
    }

    private String partner(String partner) {
        if (partner == null || partner.isBlank()) {
            return null;
        }
        if (partners.find(PartnerId.of(partner)).isEmpty()) {
            throw new IllegalArgumentException("no partner '" + partner + "'");
        }
        return partner;
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
