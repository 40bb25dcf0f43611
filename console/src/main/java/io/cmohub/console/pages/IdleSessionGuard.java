package io.cmohub.console.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps the board's self-refresh from keeping a session alive. A background refresh (htmx sends
 * {@code HX-Request}) is no activity of the person: when the person has done nothing for longer than the
 * session's idle timeout, the refresh ends the session and sends the browser to the login, as an unattended
 * screen must (Annex 11 §12, Part 11 §11.300). Everything else a person requests counts as activity.
 */
public class IdleSessionGuard implements HandlerInterceptor {
    static final String LAST_ACTIVITY = IdleSessionGuard.class.getName() + ".lastActivity";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (!"true".equals(request.getHeader("HX-Request"))) {
            session.setAttribute(LAST_ACTIVITY, now);
            return true;
        }
        Object last = session.getAttribute(LAST_ACTIVITY);
        long idleLimit = session.getMaxInactiveInterval() * 1000L;
        if (last instanceof Long at && idleLimit > 0 && now - at > idleLimit) {
            session.invalidate();
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return false;
        }
        return true;
    }
}
