package io.cmohub.gateway.server.console;

import io.cmohub.console.Capability;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.pages.ConsolePerson;
import io.cmohub.gateway.server.people.AccountAdministration;
import io.cmohub.gateway.server.people.JdbcAccounts;
import io.cmohub.gateway.server.people.PersonAccount;
import io.cmohub.gateway.server.people.PersonLookup;
import io.cmohub.gateway.server.people.Role;
import io.cmohub.gateway.server.security.Principal;
import io.cmohub.routes.partner.JdbcPartnerDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People administration in the console (ADMIN): every account with its roles, partner, state and last
 * login; create one, enable or disable it with a reason, reset its password. A generated password is shown
 * once, to the administrator, and must be changed at the first login. The same rules as the admin API
 * ({@link AccountAdministration}), so the console cannot do what the API refuses.
 */
@Controller
@ConsolePage
@WithConsole
public class UsersPage {
    private final ConsolePerson people;
    private final PersonLookup lookup;
    private final JdbcAccounts accounts;
    private final AccountAdministration administration;
    private final JdbcPartnerDirectory partners;

    public UsersPage(ConsolePerson people, PersonLookup lookup, JdbcAccounts accounts, AccountAdministration administration, JdbcPartnerDirectory partners) {
        this.people = people;
        this.lookup = lookup;
        this.accounts = accounts;
        this.administration = administration;
        this.partners = partners;
    }

    @GetMapping("/console/admin/users")
    public String list(HttpServletRequest request, Model model) {
        people.require(request, Capability.ADMINISTRATION);
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("partners", partners.all());
        return "console/admin/users";
    }

    @PostMapping("/console/admin/users")
    public String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                         @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String partner,
                         HttpServletRequest request, RedirectAttributes flash) {
        Principal admin = admin(request);
        try {
            AccountAdministration.Outcome created = administration.create(admin, username, displayName, roles(roles), partner, null);
            flash.addFlashAttribute("notice", "Account " + created.account().username() + " created. Its initial password, shown only now: "
                    + created.initialPassword() + " — hand it over; the person must change it at the first login.");
        } catch (IllegalArgumentException | AccountAdministration.Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/admin/users";
    }

    @PostMapping("/console/admin/users/{username}/enabled")
    public String enabled(@PathVariable String username, @RequestParam boolean enabled, @RequestParam(required = false) String reason,
                          HttpServletRequest request, RedirectAttributes flash) {
        Principal admin = admin(request);
        String why;
        try {
            why = AuditReason.of(reason, enabled ? "enabled in the console" : "disabled in the console").text();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:/console/admin/users";
        }
        return change(admin, username, new AccountAdministration.Change(null, null, null, false, enabled, false, why), flash,
                (enabled ? "enabled" : "disabled"));
    }

    /** Replaces an account's roles (and a liaison's partner) with those ticked; the same rules as at creation. */
    @PostMapping("/console/admin/users/roles")
    public String roles(@RequestParam String username, @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String partner,
                        @RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes flash) {
        Principal admin = admin(request);
        Set<Role> chosen;
        String why;
        try {
            chosen = roles(roles);
            why = AuditReason.of(reason, "roles changed in the console").text();
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:/console/admin/users";
        }
        return change(admin, username, new AccountAdministration.Change(null, chosen, partner, true, null, false,
                why), flash, "now has the roles " + chosen);
    }

    @PostMapping("/console/admin/users/{username}/password")
    public String reset(@PathVariable String username, HttpServletRequest request, RedirectAttributes flash) {
        Principal admin = admin(request);
        return change(admin, username, new AccountAdministration.Change(null, null, null, false, null, true, "password reset in the console"), flash,
                "given a new password");
    }

    private String change(Principal admin, String username, AccountAdministration.Change change, RedirectAttributes flash, String done) {
        PersonAccount before = accounts.find(username).orElseThrow(() -> new ConsoleRefusal(404, "no account " + username));
        try {
            AccountAdministration.Outcome changed = administration.change(admin, before, change);
            flash.addFlashAttribute("notice", "Account " + username + " " + done + "."
                    + (changed.initialPassword() == null ? "" : " Its new password, shown only now: " + changed.initialPassword()
                    + " — the person must change it at the next login."));
        } catch (IllegalArgumentException | AccountAdministration.Conflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/admin/users";
    }

    private Principal admin(HttpServletRequest request) {
        people.require(request, Capability.ADMINISTRATION);
        return lookup.current().orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> roles.add(Role.parse(name)));
        }
        return roles;
    }
}
