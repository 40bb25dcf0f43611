package io.cmohub.connector.b2mml;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which B2MML/BatchML release a namespace belongs to. V0700 dropped the version from its namespace
 * ({@code http://www.mesa.org/xml/B2MML}); every earlier release carries it (WBF's
 * {@code http://www.wbf.org/xml/B2MML-V0401}, {@code .../BatchML-V02}, MESA's
 * {@code http://www.mesa.org/xml/B2MML-V0600}). Older releases differ in structure (a V0401
 * BatchProductionRecord nests ExecutedControlRecipes; V0700 has ControlRecipes and a top-level
 * BatchID), so reading them with V0700 classes would quietly drop or misplace data: they are
 * recognised and refused instead.
 */
record B2mmlVersion(String name, String namespace) {
    static final String V0700_NAMESPACE = "http://www.mesa.org/xml/B2MML";
    static final B2mmlVersion V0700 = new B2mmlVersion("V0700", V0700_NAMESPACE);

    private static final Pattern VERSIONED = Pattern.compile("https?://www\\.(?:wbf|mesa)\\.org/xml/(?:B2MML|BatchML)-(V?\\d+)", Pattern.CASE_INSENSITIVE);

    static Optional<B2mmlVersion> of(String namespace) {
        if (V0700_NAMESPACE.equals(namespace)) {
            return Optional.of(V0700);
        }
        Matcher m = namespace == null ? null : VERSIONED.matcher(namespace);
        if (m != null && m.matches()) {
            String version = m.group(1).toUpperCase(java.util.Locale.ROOT);
            return Optional.of(new B2mmlVersion(version.startsWith("V") ? version : "V" + version, namespace));
        }
        return Optional.empty();
    }

    boolean supported() {
        return this.equals(V0700);
    }
}
