package io.cmohub.connector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The connectors on the classpath, found with {@link ServiceLoader} (classes registered as
 * {@link CmoConnector}, and the connectors of every {@link ConnectorProvider}) and looked up by
 * format id. Format ids are unique: two connectors with one id are refused at load.
 */
public final class ConnectorCatalog {
    private final Map<String, CmoConnector> byId;

    private ConnectorCatalog(Map<String, CmoConnector> byId) {
        this.byId = byId;
    }

    /** Loads every connector registered in {@code META-INF/services/io.cmohub.connector.CmoConnector}. */
    public static ConnectorCatalog load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static ConnectorCatalog load(ClassLoader classLoader) {
        List<CmoConnector> connectors = new ArrayList<>();
        ServiceLoader.load(CmoConnector.class, classLoader).stream().map(ServiceLoader.Provider::get).forEach(connectors::add);
        ServiceLoader.load(ConnectorProvider.class, classLoader).stream().map(ServiceLoader.Provider::get)
                .forEach(provider -> connectors.addAll(provider.connectors(classLoader)));
        return of(connectors);
    }

    /** This catalogue with {@code more} connectors added (e.g. mappings read from a directory); ids stay unique. */
    public ConnectorCatalog plus(List<CmoConnector> more) {
        List<CmoConnector> all = new ArrayList<>(byId.values());
        all.addAll(more);
        return of(all);
    }

    public static ConnectorCatalog of(List<CmoConnector> connectors) {
        Map<String, CmoConnector> byId = new LinkedHashMap<>();
        connectors.stream().sorted(Comparator.comparing(c -> c.descriptor().id())).forEach(connector -> {
            CmoConnector previous = byId.putIfAbsent(connector.descriptor().id(), connector);
            if (previous != null) {
                throw new IllegalStateException("two connectors declare format id '" + connector.descriptor().id() + "': "
                        + name(previous) + " and " + name(connector));
            }
        });
        return new ConnectorCatalog(byId);
    }

    /** The class, and where a connector made of data came from when it says (its toString). */
    private static String name(CmoConnector connector) {
        String text = String.valueOf(connector);
        return text.startsWith(connector.getClass().getName() + "@") ? connector.getClass().getName() : connector.getClass().getName() + " (" + text + ")";
    }

    public Optional<CmoConnector> find(String formatId) {
        return Optional.ofNullable(byId.get(formatId));
    }

    public List<CmoConnector> all() {
        return List.copyOf(byId.values());
    }

    public List<String> formatIds() {
        return List.copyOf(byId.keySet());
    }
}
