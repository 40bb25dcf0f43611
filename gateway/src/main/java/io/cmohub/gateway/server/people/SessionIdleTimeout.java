package io.cmohub.gateway.server.people;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;

/**
 * Gives every new session the idle timeout of {@code server.servlet.session.timeout} to the second.
 * Spring Boot hands Tomcat whole minutes (rounded up), so "90s" would silently become two minutes.
 */
public class SessionIdleTimeout implements HttpSessionListener {
    private final int seconds;

    public SessionIdleTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("server.servlet.session.timeout must be a positive duration, e.g. 15m; not " + timeout);
        }
        this.seconds = (int) timeout.toSeconds();
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(seconds);
    }
}
