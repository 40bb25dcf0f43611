package io.cmohub.gateway.server.people;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/** What the browser console adds to the people's security: deep links that survive the login, and a strict content policy. */
final class ConsoleSecurity {
    /** Only the gateway's own scripts, styles and forms; no framing (clickjacking), no plugins, no inline script. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The console's pages (and their assets). */
    static final org.springframework.security.web.util.matcher.RequestMatcher PAGES = new OrRequestMatcher(new AntPathRequestMatcher("/console"),
            new AntPathRequestMatcher("/console/**"));

    private ConsoleSecurity() {
    }

    /** A console page asked for before the login (e.g. a case link in a notice) is where the login lands; API calls are never saved. */
    static RequestCache deepLinks() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/console", "GET"), new AntPathRequestMatcher("/console/**", "GET")));
        return cache;
    }

    static HeaderWriter contentSecurityPolicy() {
        return new DelegatingRequestMatcherHeaderWriter(PAGES, new ContentSecurityPolicyHeaderWriter(POLICY));
    }
}
