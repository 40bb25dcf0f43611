package io.cmohub.routes.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The rules for names in a partner's inbox folder. A name the file component would read as a path
 * (a backslash is a separator to it, {@code ..} climbs out) or that garbles logs and screens (control
 * and invisible formatting characters, e.g. a right-to-left override) is refused rather than
 * normalised into another name; every move target is checked to stay in the partner's own folder.
 */
final class InboxNames {
    private InboxNames() {
    }

    /** What is wrong with {@code name} as an inbox file name, or empty when it is safe. */
    static Optional<String> problem(String name) {
        if (name.contains("\\")) {
            return Optional.of("contains a backslash");
        }
        if (name.contains("/")) {
            return Optional.of("contains a slash");
        }
        if (name.contains("..")) {
            return Optional.of("contains '..'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("contains the control character U+" + String.format("%04X", (int) c));
            }
            if (Character.getType(c) == Character.FORMAT || Character.isSurrogate(c) && !Character.isSurrogatePair(at(name, i - 1), c)
                    && !Character.isSurrogatePair(c, at(name, i + 1))) {
                return Optional.of("contains the invisible character U+" + String.format("%04X", (int) c));
            }
        }
        return Optional.empty();
    }

    /** The name as it can be quoted in a reason: every control or formatting character written as \\uXXXX. */
    static String quoted(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), 300));
        for (int i = 0; i < name.length() && out.length() < 300; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code <root>/<partner>/<folder>/<name>}, refused unless it really is a file directly in that
     * folder: a move must never leave the partner's own folder, whatever the name.
     */
    static Path target(Path root, String partner, String folder, String name) {
        Path partnerFolder = root.resolve(partner).normalize();
        Path expectedParent = partnerFolder.resolve(folder).normalize();
        Path target = expectedParent.resolve(name).normalize();
        if (!partnerFolder.getParent().equals(root) || !expectedParent.getParent().equals(partnerFolder) || !target.getParent().equals(expectedParent)) {
            throw new IllegalArgumentException("inbox move target for '" + quoted(name) + "' of '" + quoted(partner) + "' leaves the partner's folder");
        }
        return target;
    }

    private static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : 0;
    }
}
