package io.cmohub.console.pages;

import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /console}: the sponsor's cases board, or a liaison's open evidence requests. */
@Controller
@ConsolePage
public class HomePage {
    private final ConsoleAccess access;

    public HomePage(ConsoleAccess access) {
        this.access = access;
    }

    @GetMapping({"/console", "/console/"})
    public String home(HttpServletRequest request) {
        ConsoleUser user = access.user(request).orElseThrow(() -> new ConsoleRefusal(401, "log in first"));
        if (user.passwordChangeRequired()) {
            return "redirect:/console/account";
        }
        return user.isLiaison() ? "redirect:/console/portal" : "redirect:/console/cases";
    }
}
