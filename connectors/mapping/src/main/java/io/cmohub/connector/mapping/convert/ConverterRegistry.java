package io.cmohub.connector.mapping.convert;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The converters a mapping may name: the built-ins plus those registered with {@link ServiceLoader}. */
public final class ConverterRegistry {
    private final Map<String, ConverterFactory> byName = new TreeMap<>();

    private ConverterRegistry() {
    }

    public static ConverterRegistry load(ClassLoader classLoader) {
        ConverterRegistry registry = new ConverterRegistry();
        BuiltInConverters.all().forEach(registry::add);
        ServiceLoader.load(ConverterFactory.class, classLoader).forEach(registry::add);
        return registry;
    }

    private void add(ConverterFactory factory) {
        ConverterFactory previous = byName.putIfAbsent(factory.name(), factory);
        if (previous != null) {
            throw new IllegalStateException("two converters are named '" + factory.name() + "': " + previous.getClass().getName() + " and "
                    + factory.getClass().getName());
        }
    }

    public Optional<ConverterFactory> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
