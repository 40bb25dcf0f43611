package io.cmohub.gateway.server.people;

import java.util.regex.Pattern;

/** Whether a bearer token is a JWT (header.payload.signature in base64url) rather than an API key, which is never dotted. */
public final class JwtShape {
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private JwtShape() {
    }

    public static boolean of(String token) {
        return token != null && JWT.matcher(token).matches();
    }
}
