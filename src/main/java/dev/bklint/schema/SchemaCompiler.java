package dev.bklint.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.BooleanSchema;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.EmptySchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.NullSchema;
import org.everit.json.schema.NumberSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaLocation;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.loader.OrgJsonUtil;
import org.json.JSONObject;

/**
 * Builds the everit {@link Schema} for bklint's plugin schema directly with everit's builders: the same object graph
 * (classes, locations, titles, flags, property order) that {@code SchemaLoader} with draft-07 builds, for the subset of
 * draft-07 the schema uses. Why: everit's loader hashes the whole root document for each {@code $ref} (98 of them)
 * and spins many lambdas, so loading our 37 KB schema cost 120-300 ms in every run that checks a kubernetes step;
 * this is one plain walk over the document.
 *
 * <p>Anything outside the subset fails with an {@link IllegalStateException} naming the keyword and its location,
 * so an edit to the schema can never silently load differently from everit. {@code SchemaCompilerTest} compares
 * the two graphs node by node.
 */
final class SchemaCompiler {
    /** The keywords handled on any schema object; the root may also hold {@code $schema} and {@code definitions}. */
    private static final Set<String> KEYWORDS = Set.of(
            "$ref", "type", "enum", "title", "description", "properties", "additionalProperties", "items");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "additionalProperties");
    private static final String DEFINITIONS = "#/definitions/";

    private final Map<String, Object> definitions;
    /** Each referred definition, loaded once on its first {@code $ref}, as everit's {@code ReferenceKnot}s do. */
    private final Map<String, Target> targets = new HashMap<>();
    /** Whether a definition is built only when a validation first follows a reference to it. */
    private final boolean lazy;
    /** The definitions built so far, in lazy mode; guarded by this compiler. */
    private final Map<String, Schema> built = new HashMap<>();

    private static final class Target {
        Schema referred;
        /** References met while their definition is still being loaded (a cycle): given it when it is done. */
        final List<ReferenceSchema.Builder> pending = new ArrayList<>(1);
    }

    private SchemaCompiler(Map<String, Object> definitions, boolean lazy) {
        this.definitions = definitions;
        this.lazy = lazy;
    }

    /** The whole graph, built at once: what everit's loader builds, node for node. */
    static Schema compile(JSONObject raw) {
        return compile(raw, false);
    }

    /**
     * The same graph, except that each definition is built when a validation first follows a reference to it. A
     * pipeline's plugin configuration touches a few of the 67 definitions, and building all of them is most of
     * the schema's cost on a cold start. Every node a validation reaches is the one {@link #compile} builds.
     */
    static Schema compileLazily(JSONObject raw) {
        return compile(raw, true);
    }

    private static Schema compile(JSONObject raw, boolean lazy) {
        // Walk the same HashMaps everit walks (it converts with OrgJsonUtil.toMap too), so properties are added in
        // the same order and each ObjectSchema's property map iterates, and so reports, in everit's order.
        Map<String, Object> root = OrgJsonUtil.toMap(raw);
        Object version = root.get("$schema");
        if (version != null && !(version instanceof String v && (v.startsWith("http://json-schema.org/draft-07/schema")
                || v.startsWith("https://json-schema.org/draft-07/schema")))) {
            throw unsupported("$schema", SchemaLocation.empty(), "only draft-07 is handled, not " + version);
        }
        Object definitions = root.getOrDefault("definitions", Map.of());
        if (!(definitions instanceof Map)) {
            throw unsupported("definitions", SchemaLocation.empty(), "not an object");
        }
        return new SchemaCompiler(cast(definitions), lazy).schema(root, SchemaLocation.empty(), true).build();
    }

    private Schema.Builder<?> schema(Object node, SchemaLocation at, boolean root) {
        if (!(node instanceof Map)) {
            throw unsupported("(schema)", at, "a schema that is not an object (true/false) is not handled");
        }
        Map<String, Object> json = cast(node);
        Map<String, Object> unprocessed = new HashMap<>();
        for (Map.Entry<String, Object> e : json.entrySet()) {
            String key = e.getKey();
            if (root && (key.equals("$schema") || key.equals("definitions"))) {
                unprocessed.put(key, e.getValue()); // everit keeps keywords it does not read here
            } else if (!KEYWORDS.contains(key)) {
                throw unsupported(key, at, "not handled");
            }
        }
        if (json.containsKey("$ref")) {
            for (String key : json.keySet()) {
                if (!key.equals("$ref")) {
                    throw unsupported(key, at, "next to $ref");
                }
            }
            return reference(json.get("$ref"), at);
        }
        // everit's extractors: enum, then type; when both apply, everit joins them in a synthetic allOf (in an order
        // that varies from run to run, as it collects them in a HashSet; validation sorts them, so it does not matter).
        List<Schema.Builder<?>> parts = new ArrayList<>(2);
        if (json.containsKey("enum")) {
            if (!(json.get("enum") instanceof List<?> values)) {
                throw unsupported("enum", at, "not an array");
            }
            parts.add(EnumSchema.builder().possibleValues(new ArrayList<Object>(values)));
        }
        Object type = json.get("type");
        List<String> types = typeNames(type, at);
        for (String keyword : json.keySet()) {
            boolean needs = OBJECT_KEYWORDS.contains(keyword) ? !types.contains("object")
                    : keyword.equals("items") && !types.contains("array");
            if (needs) {
                // everit would add an ObjectSchema/ArraySchema that does not require its type: not handled.
                throw unsupported(keyword, at, "without a type that it applies to");
            }
        }
        if (type instanceof String name) {
            parts.add(typed(name, json, at));
        } else if (type != null) {
            // A list of types is an anyOf of one schema per type, each without location or title.
            List<Schema> anyOf = new ArrayList<>(types.size());
            for (String name : types) {
                anyOf.add(typed(name, json, at).build());
            }
            parts.add(CombinedSchema.anyOf(anyOf));
        }
        Schema.Builder<?> builder;
        if (parts.isEmpty()) {
            builder = EmptySchema.builder();
        } else if (parts.size() == 1) {
            builder = parts.get(0);
        } else {
            List<Schema> allOf = new ArrayList<>(parts.size());
            for (Schema.Builder<?> part : parts) {
                allOf.add(part.build());
            }
            builder = CombinedSchema.allOf(allOf).isSynthetic(true);
        }
        builder.title(string(json, "title", at)).description(string(json, "description", at)).schemaLocation(at)
                .unprocessedProperties(unprocessed);
        return builder;
    }

    private Schema.Builder<?> typed(String type, Map<String, Object> json, SchemaLocation at) {
        switch (type) {
            case "string":
                return StringSchema.builder().requiresString(true);
            case "integer":
                return NumberSchema.builder().requiresInteger(true);
            case "number":
                return NumberSchema.builder();
            case "boolean":
                return BooleanSchema.builder();
            case "null":
                return NullSchema.builder();
            case "array":
                ArraySchema.Builder array = ArraySchema.builder();
                if (json.containsKey("items")) {
                    if (json.get("items") instanceof List) {
                        throw unsupported("items", at, "a list of item schemas (tuple) is not handled");
                    }
                    array.allItemSchema(schema(json.get("items"), at.addPointerSegment("items"), false).build());
                }
                return array;
            case "object":
                return object(json, at);
            default:
                throw unsupported("type", at, "unknown type " + type);
        }
    }

    private ObjectSchema.Builder object(Map<String, Object> json, SchemaLocation at) {
        ObjectSchema.Builder object = ObjectSchema.builder();
        if (json.containsKey("properties")) {
            if (!(json.get("properties") instanceof Map)) {
                throw unsupported("properties", at, "not an object");
            }
            SchemaLocation properties = at.addPointerSegment("properties");
            for (Map.Entry<String, Object> p : SchemaCompiler.<Object>cast(json.get("properties")).entrySet()) {
                object.addPropertySchema(p.getKey(),
                        schema(p.getValue(), properties.addPointerSegment(p.getKey()), false).build());
            }
        }
        Object additional = json.get("additionalProperties");
        if (additional instanceof Boolean allowed) {
            object.additionalProperties(allowed);
        } else if (additional != null) {
            object.schemaOfAdditionalProperties(
                    schema(additional, at.addPointerSegment("additionalProperties"), false).build());
        }
        return object;
    }

    /**
     * One ReferenceSchema per use, as everit makes. everit builds it when the referred schema is known and only
     * then sets the location, so {@code getLocation()} is the use site and {@code getSchemaLocation()} is null;
     * a reference inside a cycle gets its location before it is built, so both are set. Same order here.
     */
    private Schema.Builder<?> reference(Object value, SchemaLocation at) {
        if (!(value instanceof String ref) || !ref.startsWith(DEFINITIONS)) {
            throw unsupported("$ref", at, "only #/definitions/Name is handled, not " + value);
        }
        String name = ref.substring(DEFINITIONS.length());
        if (name.isEmpty() || name.contains("/") || name.contains("~") || name.contains("%")) {
            throw unsupported("$ref", at, "a definition name that needs JSON-pointer unescaping: " + ref);
        }
        if (!definitions.containsKey(name)) {
            throw unsupported("$ref", at, "no definition " + name);
        }
        if (lazy) {
            LazyReference use = new LazyReference(ref, name, at, this);
            return new ReferenceSchema.Builder() {
                @Override
                public ReferenceSchema build() {
                    return use;
                }
            };
        }
        ReferenceSchema.Builder use = ReferenceSchema.builder().refValue(ref);
        Target target = targets.get(ref);
        if (target == null) {
            target = new Target();
            targets.put(ref, target);
            target.pending.add(use);
            SchemaLocation where = SchemaLocation.empty().addPointerSegment("definitions").addPointerSegment(name);
            target.referred = schema(definitions.get(name), where, false).build();
            for (ReferenceSchema.Builder waiting : target.pending) {
                waiting.build().setReferredSchema(target.referred);
            }
            target.pending.clear();
        } else if (target.referred != null) {
            use.build().setReferredSchema(target.referred);
        } else {
            target.pending.add(use);
        }
        use.schemaLocation(at);
        return use;
    }

    /** A definition for a lazy reference, built on first use and shared by every reference to it. */
    private synchronized Schema definition(String name) {
        Schema schema = built.get(name);
        if (schema == null) {
            SchemaLocation where = SchemaLocation.empty().addPointerSegment("definitions").addPointerSegment(name);
            schema = schema(definitions.get(name), where, false).build();
            built.put(name, schema);
        }
        return schema;
    }

    /**
     * A reference whose definition is built when it is first followed. Its locations are those of an eager
     * reference outside a cycle: {@code getLocation()} is the use site, {@code getSchemaLocation()} is null.
     */
    private static final class LazyReference extends ReferenceSchema {
        private final String name;
        private final SchemaLocation at;
        private final SchemaCompiler compiler;
        private volatile boolean resolved;

        LazyReference(String ref, String name, SchemaLocation at, SchemaCompiler compiler) {
            super(ReferenceSchema.builder().refValue(ref));
            this.name = name;
            this.at = at;
            this.compiler = compiler;
        }

        @Override
        public Schema getReferredSchema() {
            if (!resolved) {
                synchronized (compiler) {
                    if (!resolved) {
                        setReferredSchema(compiler.definition(name));
                        resolved = true;
                    }
                }
            }
            return super.getReferredSchema();
        }

        @Override
        public boolean definesProperty(String field) {
            return getReferredSchema().definesProperty(field);
        }

        @Override
        public SchemaLocation getLocation() {
            return at;
        }
    }

    private static List<String> typeNames(Object type, SchemaLocation at) {
        if (type == null) {
            return List.of();
        }
        if (type instanceof String name) {
            return List.of(name);
        }
        if (type instanceof List<?> list && !list.isEmpty()) {
            List<String> names = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String name)) {
                    throw unsupported("type", at, "a type name that is not a string: " + item);
                }
                names.add(name);
            }
            return names;
        }
        throw unsupported("type", at, "neither a type name nor a list of them: " + type);
    }

    private static String string(Map<String, Object> json, String key, SchemaLocation at) {
        Object value = json.get(key);
        if (value != null && !(value instanceof String)) {
            throw unsupported(key, at, "not a string");
        }
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> cast(Object map) {
        return (Map<String, V>) map;
    }

    private static IllegalStateException unsupported(String keyword, SchemaLocation at, String why) {
        return new IllegalStateException("plugin schema: keyword '" + keyword + "' at " + at + ": " + why
                + " (SchemaCompiler handles only what kubernetes-plugin.schema.json uses; extend it, and"
                + " SchemaCompilerTest, before using more)");
    }
}
