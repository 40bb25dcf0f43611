package io.cmohub.connector.mapping.canonical;

import io.cmohub.model.EntityType;
import io.cmohub.model.value.Expiry;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of a canonical entity as a mapping may address them, read from the records
 * themselves so that a mapping can name exactly what the model (and its published schema) has.
 */
public final class CanonicalShape {
    private CanonicalShape() {
    }

    /** Resolves {@code path} on {@code entity}; throws {@link IllegalArgumentException} naming what exists instead. */
    public static TargetField resolve(EntityType entity, String path) {
        Class<?> current = entity.javaType();
        List<String> segments = Arrays.asList(path.split("\\.", -1));
        List<Boolean> listed = new ArrayList<>();
        Class<?> type = null;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            RecordComponent component = component(current, segment);
            if (component == null) {
                String where = i == 0 ? entity.wireName() : String.join(".", segments.subList(0, i));
                throw new IllegalArgumentException("'" + segment + "' is not a field of " + where + " (fields: " + fieldNames(current) + ")");
            }
            boolean list = List.class.isAssignableFrom(component.getType());
            type = list ? elementType(component.getGenericType()) : component.getType();
            listed.add(list);
            boolean last = i == segments.size() - 1;
            if (!last && !isGroup(type)) {
                throw new IllegalArgumentException("'" + String.join(".", segments.subList(0, i + 1)) + "' is a single value and has no field '"
                        + segments.get(i + 1) + "'");
            }
            if (last && isGroup(type)) {
                throw new IllegalArgumentException("'" + path + "' is a group; map its fields (" + fieldNames(type) + "), e.g. " + path + "."
                        + type.getRecordComponents()[0].getName());
            }
            current = type;
        }
        return new TargetField(path, segments, listed, type);
    }

    /** Whether the entity has a partner field the mapping need not fill: the hub knows who sent the document. */
    public static boolean hasPartner(EntityType entity) {
        return component(entity.javaType(), "partner") != null;
    }

    /** Records made of several fields are groups; Expiry is one value (printed form and date belong together). */
    private static boolean isGroup(Class<?> type) {
        return type.isRecord() && type != Expiry.class && type.getRecordComponents().length > 1;
    }

    private static RecordComponent component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    private static String fieldNames(Class<?> type) {
        return String.join(", ", Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalStateException("list field without a concrete element type: " + generic);
    }
}
