package io.cmohub.coordination.evidence;

import io.cmohub.model.EvidenceItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What to ask a CMO for one alert code, and which actions the MAH, the CMO and both together take. */
public record EvidenceTemplate(String code, String title, List<EvidenceItem> items, Map<Party, List<String>> actions) {
    public EvidenceTemplate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("template " + code + " asks for no evidence");
        }
        if (items.stream().map(EvidenceItem::code).distinct().count() != items.size()) {
            throw new IllegalArgumentException("template " + code + " names an evidence item twice");
        }
        actions = Map.copyOf(actions);
    }

    public List<String> actionsOf(Party party) {
        return actions.getOrDefault(party, List.of());
    }
}
