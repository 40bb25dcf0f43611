package io.cmohub.connector.testkit;

import io.cmohub.connector.ConfigProperty;
import io.cmohub.connector.ConnectorConfig;
import io.cmohub.connector.ConnectorDescriptor;
import io.cmohub.connector.InvalidConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every connector descriptor follows, after the Camel Kamelets validator: names in
 * kebab-case, a title and a description on the connector and on every property, no title starting
 * with an article, no duplicate titles or descriptions, defaults that pass their own type check,
 * required properties without defaults, secrets without defaults.
 */
public final class DescriptorLint {
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");
    private static final Pattern ARTICLE = Pattern.compile("(?i)^(the|a|an)\\s.*");

    private DescriptorLint() {
    }

    public static List<String> check(ConnectorDescriptor d) {
        List<String> problems = new ArrayList<>();
        if (d.id() == null || !KEBAB.matcher(d.id()).matches()) {
            problems.add("id '" + d.id() + "' is not kebab-case");
        }
        text(problems, "connector title", d.title(), 60);
        text(problems, "connector description", d.description(), 1000);
        if (d.description() != null && d.description().length() < 20) {
            problems.add("connector description is too short to tell anyone anything: '" + d.description() + "'");
        }
        if (d.mediaTypes().isEmpty()) {
            problems.add("no media types declared");
        }
        d.mediaTypes().stream().filter(m -> !MEDIA_TYPE.matcher(m).matches()).forEach(m -> problems.add("media type '" + m + "' is malformed"));
        if (d.produces().isEmpty()) {
            problems.add("the connector declares no canonical entity it produces");
        }
        if (d.defaultErrorPolicy() == null) {
            problems.add("no default error policy");
        }
        Set<String> names = new HashSet<>();
        Set<String> titles = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        for (ConfigProperty p : d.properties()) {
            String where = "property '" + p.name() + "'";
            if (p.name() == null || !KEBAB.matcher(p.name()).matches()) {
                problems.add(where + ": name is not kebab-case");
            }
            if (!names.add(p.name())) {
                problems.add(where + ": declared twice");
            }
            text(problems, where + " title", p.title(), 60);
            text(problems, where + " description", p.description(), 1000);
            if (p.title() != null && !titles.add(p.title())) {
                problems.add(where + ": title '" + p.title() + "' is used by another property");
            }
            if (p.description() != null && !descriptions.add(p.description())) {
                problems.add(where + ": description is used by another property");
            }
            if (p.type() == null) {
                problems.add(where + ": no type");
            }
            if (p.required() && p.defaultValue() != null) {
                problems.add(where + ": required properties have no default");
            }
            if (p.secret() && p.defaultValue() != null) {
                problems.add(where + ": a secret must not have a default");
            }
            if (p.type() == ConfigProperty.Type.ENUM && p.allowedValues().isEmpty()) {
                problems.add(where + ": an ENUM property lists no allowed values");
            }
        }
        if (problems.isEmpty() && d.properties().stream().noneMatch(ConfigProperty::required)) {
            try {
                ConnectorConfig.defaults(d);
            } catch (InvalidConfigException e) {
                problems.add("the declared defaults do not form a valid configuration: " + e.getMessage());
            }
        }
        return problems;
    }

    private static void text(List<String> problems, String what, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is missing");
        } else if (value.length() > max) {
            problems.add(what + " is longer than " + max + " characters");
        } else if (ARTICLE.matcher(value).matches() && what.endsWith("title")) {
            problems.add(what + " '" + value + "' starts with an article");
        }
    }
}
