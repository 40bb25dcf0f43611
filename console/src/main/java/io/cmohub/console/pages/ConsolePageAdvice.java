package io.cmohub.console.pages;

import io.cmohub.console.ConsoleAccess;
import io.cmohub.console.ConsolePage;
import io.cmohub.console.ConsoleRefusal;
import io.cmohub.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every console page knows its person (shown in the header) and shows a refusal as a page, never a stack trace. */
@ControllerAdvice(annotations = ConsolePage.class)
public class ConsolePageAdvice {
    private final ConsoleAccess access;

    public ConsolePageAdvice(ConsoleAccess access) {
        this.access = access;
    }

    @ModelAttribute("user")
    public ConsoleUser user(HttpServletRequest request) {
        return access.user(request).orElse(null);
    }

    /** A file over {@code spring.servlet.multipart.max-file-size}: said on a page, not as a server error. */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    public String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        return refused(new ConsoleRefusal(413, "the files are larger than this hub accepts in one upload; send them in parts or ask the sponsor"
                + " for the limit"), request, response, model);
    }

    @ExceptionHandler(ConsoleRefusal.class)
    public String refused(ConsoleRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(refusal.status());
        model.addAttribute("user", access.user(request).orElse(null));
        model.addAttribute("status", refusal.status());
        model.addAttribute("message", refusal.getMessage());
        return "console/refused";
    }
}
