package io.cmohub.console.pages;

import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's own account: who they are, their roles, and their password (which they must change first when an administrator set it). */
@Controller
@ConsolePage
public class AccountPage {
    private final ConsoleAccess access;

    public AccountPage(ConsoleAccess access) {
        this.access = access;
    }

    @GetMapping("/console/account")
    public String account(HttpServletRequest request) {
        access.user(request).orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
        return "console/account";
    }

    @PostMapping("/console/account/password")
    public String change(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
                         @RequestParam(required = false) String repeatPassword, HttpServletRequest request, RedirectAttributes flash) {
        ConsoleUser user = access.user(request).orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            flash.addFlashAttribute("problem", "The new password and its repetition differ; nothing was changed.");
            return "redirect:/console/account";
        }
        try {
            access.changePassword(request, currentPassword, newPassword);
        } catch (ConsoleRefusal refusal) {
            flash.addFlashAttribute("problem", refusal.getMessage());
            return "redirect:/console/account";
        }
        flash.addFlashAttribute("notice", "Password changed for " + user.displayName() + ".");
        return "redirect:/console";
    }
}
