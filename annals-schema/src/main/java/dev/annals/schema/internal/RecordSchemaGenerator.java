package dev.annals.schema.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Generates the JSON Schema of a record as {@code EventCodec} writes it: one property per record
 * component, every one required, because the codec refuses to read an event that lacks a component
 * ({@code FAIL_ON_MISSING_CREATOR_PROPERTIES}). An {@code Optional} component is described by its
 * content type. Internal: the shape of the output is pinned only through {@code SchemaCompatibility}.
 */
public final class RecordSchemaGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordSchemaGenerator() {}

    /** The schema of {@code record}'s JSON object. */
    public static ObjectNode objectSchema(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record; event types must be records");
        }
        var schema = JSON.objectNode().put("type", "object");
        var properties = schema.putObject("properties");
        var required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            Type type = component.getGenericType();
            properties.set(component.getName(), schemaOf(unwrapOptional(type)));
            required.add(component.getName());
        }
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode schemaOf(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == boolean.class || raw == Boolean.class) {
            return simple("boolean");
        }
        if (raw == int.class
                || raw == long.class
                || raw == short.class
                || raw == byte.class
                || raw == Integer.class
                || raw == Long.class
                || raw == Short.class
                || raw == Byte.class
                || raw == BigInteger.class) {
            return simple("integer");
        }
        if (raw == double.class
                || raw == float.class
                || raw == Double.class
                || raw == Float.class
                || raw == BigDecimal.class) {
            return simple("number");
        }
        if (CharSequence.class.isAssignableFrom(raw)
                || raw == char.class
                || raw == Character.class
                || raw == UUID.class
                || Temporal.class.isAssignableFrom(raw)) {
            return simple("string");
        }
        if (raw.isEnum()) {
            var schema = simple("string");
            var values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (raw.isArray()) {
            var schema = simple("array");
            schema.set("items", schemaOf(raw.getComponentType()));
            return schema;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            var schema = simple("array");
            schema.set("items", schemaOf(typeArgument(type, 0)));
            return schema;
        }
        if (Map.class.isAssignableFrom(raw)) {
            var schema = simple("object");
            schema.set("additionalProperties", schemaOf(typeArgument(type, 1)));
            return schema;
        }
        if (raw.isRecord()) {
            return objectSchema(raw);
        }
        // An unknown class: Jackson writes its bean properties; the gate can only check it is an object.
        return simple("object");
    }

    private static ObjectNode simple(String jsonType) {
        return JSON.objectNode().put("type", jsonType);
    }

    private static Type unwrapOptional(Type type) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return typeArgument(type, 0);
        }
        if (raw == OptionalInt.class || raw == OptionalLong.class) {
            return long.class;
        }
        if (raw == OptionalDouble.class) {
            return double.class;
        }
        return type;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }
}
