package io.cmohub.routes.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit key that seals new rows, and the earlier keys rows were sealed with before a rotation
 * (kept only to verify them). Rotating: configure the new key as current and move the old one to the
 * previous keys; rows keep naming the key that sealed them.
 */
public final class AuditKeyring {
    private final AuditKey current;
    private final Map<String, AuditKey> all = new LinkedHashMap<>();

    public AuditKeyring(AuditKey current, List<AuditKey> previous) {
        this.current = current;
        all.put(current.id(), current);
        previous.forEach(k -> all.putIfAbsent(k.id(), k));
    }

    public static AuditKeyring of(AuditKey current) {
        return new AuditKeyring(current, List.of());
    }

    public AuditKey current() {
        return current;
    }

    public Optional<AuditKey> find(String id) {
        return Optional.ofNullable(all.get(id));
    }
}
