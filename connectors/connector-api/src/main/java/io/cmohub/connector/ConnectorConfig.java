package io.cmohub.connector;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connector's configuration, checked against its descriptor: unknown keys, missing required
 * values and ill-typed values are refused up front, each with its own reason. Reads are tracked,
 * so the conformance test can find properties that are declared but never used; reading an
 * undeclared property is a programming error and throws.
 */
public final class ConnectorConfig {
    private final ConnectorDescriptor descriptor;
    private final Map<String, String> values;
    private final Set<String> read = Collections.synchronizedSet(new LinkedHashSet<>());

    private ConnectorConfig(ConnectorDescriptor descriptor, Map<String, String> values) {
        this.descriptor = descriptor;
        this.values = values;
    }

    /** Builds a checked configuration or throws {@link InvalidConfigException} listing every problem. */
    public static ConnectorConfig of(ConnectorDescriptor descriptor, Map<String, String> given) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (descriptor.property(key).isEmpty()) {
                problems.add("'" + key + "' is not a property of connector " + descriptor.id());
            }
        }
        for (ConfigProperty property : descriptor.properties()) {
            String value = given.get(property.name());
            if (value == null) {
                value = property.defaultValue();
            }
            if (value == null) {
                if (property.required()) {
                    problems.add("'" + property.name() + "' is required (" + property.title() + ")");
                }
                continue;
            }
            String problem = typeProblem(property, value);
            if (problem != null) {
                problems.add("'" + property.name() + "' " + problem);
            } else {
                values.put(property.name(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(descriptor.id(), problems);
        }
        return new ConnectorConfig(descriptor, values);
    }

    public static ConnectorConfig defaults(ConnectorDescriptor descriptor) {
        return of(descriptor, Map.of());
    }

    public String string(String name) {
        return value(name);
    }

    public int integer(String name) {
        String value = value(name);
        return value == null ? 0 : Integer.parseInt(value);
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(value(name));
    }

    public char character(String name) {
        String value = value(name);
        return unescape(value).charAt(0);
    }

    public Charset charset(String name) {
        return Charset.forName(value(name));
    }

    /** A time zone (IANA id such as Europe/Berlin), for the local times a partner's system writes without an offset. */
    public java.time.ZoneId zone(String name) {
        return java.time.ZoneId.of(value(name));
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        return Enum.valueOf(type, value(name));
    }

    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    /** Names of the properties the connector has read so far. */
    public Set<String> readProperties() {
        synchronized (read) {
            return Set.copyOf(read);
        }
    }

    /** The configuration as text with secrets masked, for logs and audit records. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k, descriptor.property(k).map(ConfigProperty::secret).orElse(false) ? "****" : v));
        return descriptor.id() + shown;
    }

    private String value(String name) {
        if (descriptor.property(name).isEmpty()) {
            throw new IllegalArgumentException("connector " + descriptor.id() + " read property '" + name + "' that its descriptor does not declare");
        }
        read.add(name);
        return values.get(name);
    }

    private static String typeProblem(ConfigProperty property, String value) {
        switch (property.type()) {
            case INTEGER -> {
                try {
                    Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    return "must be a whole number, got '" + value + "'";
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return "must be true or false, got '" + value + "'";
                }
            }
            case CHARACTER -> {
                if (unescape(value).length() != 1) {
                    return "must be a single character (or \\t), got '" + value + "'";
                }
            }
            case CHARSET -> {
                try {
                    Charset.forName(value);
                } catch (IllegalArgumentException e) {
                    return "is not a character set this Java knows: '" + value + "'";
                }
            }
            case ENUM -> {
                if (!property.allowedValues().contains(value)) {
                    return "must be one of " + property.allowedValues() + ", got '" + value + "'";
                }
            }
            case ZONE_ID -> {
                try {
                    java.time.ZoneId.of(value);
                } catch (java.time.DateTimeException e) {
                    return "is not a time zone id (e.g. Europe/Berlin, UTC): '" + value + "'";
                }
            }
            case STRING -> {
                // any text
            }
        }
        return null;
    }

    private static String unescape(String value) {
        return value.equals("\\t") ? "\t" : value;
    }
}
