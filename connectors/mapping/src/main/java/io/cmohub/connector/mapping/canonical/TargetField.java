package io.cmohub.connector.mapping.canonical;

import java.util.List;

/**
 * A canonical field a mapping writes, resolved against the entity's record components at load.
 *
 * @param path     as written in the mapping, e.g. {@code lines.product}
 * @param segments the path's parts; a part whose component is a list of records writes its single element
 * @param listed   for each part, whether its component is a list
 * @param type     Java type of the value (the element type of a list)
 */
public record TargetField(String path, List<String> segments, List<Boolean> listed, Class<?> type) {
    public TargetField {
        segments = List.copyOf(segments);
        listed = List.copyOf(listed);
    }

    /** Whether the value itself is a list (of values, split from one source value). */
    public boolean isList() {
        return listed.get(listed.size() - 1);
    }
}
