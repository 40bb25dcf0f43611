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
 * format id. Format ids are unique: two connectors with one id are refused at load. A catalogue may also
 * consult {@link LiveConnectors} (see {@link #withLive}); a fixed connector's id wins over a live one.
 */
public final class ConnectorCatalog {
    private final Map<String, CmoConnector> byId;
    private final LiveConnectors live;

    private ConnectorCatalog(Map<String, CmoConnector> byId, LiveConnectors live) {
        this.byId = byId;
        this.live = live;
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
        return new ConnectorCatalog(of(all).byId, live);
    }

    /** This catalogue, also asking {@code live} for the formats it does not hold itself. */
    public ConnectorCatalog withLive(LiveConnectors live) {
        return new ConnectorCatalog(byId, live);
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
        return new ConnectorCatalog(byId, LiveConnectors.NONE);
    }

    /** The class, and where a connector made of data came from when it says (its toString). */
    private static String name(CmoConnector connector) {
        String text = String.valueOf(connector);
        return text.startsWith(connector.getClass().getName() + "@") ? connector.getClass().getName() : connector.getClass().getName() + " (" + text + ")";
    }

    public Optional<CmoConnector> find(String formatId) {
        CmoConnector fixed = byId.get(formatId);
        return fixed != null ? Optional.of(fixed) : live.find(formatId);
    }

    /** The connector of {@code formatId} among those fixed at load (classpath, mapping files), not the live ones. */
    public Optional<CmoConnector> findFixed(String formatId) {
        return Optional.ofNullable(byId.get(formatId));
    }

    public List<CmoConnector> all() {
        List<CmoConnector> all = new ArrayList<>(byId.values());
        live.all().stream().filter(c -> !byId.containsKey(c.descriptor().id())).forEach(all::add);
        return List.copyOf(all);
    }

    public List<String> formatIds() {
        return all().stream().map(c -> c.descriptor().id()).toList();
    }
}
