package dev.bklint.schema;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.BooleanSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.NumberSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.Validator;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Validates a step's {@code kubernetes} plugin configuration against the JSON Schema bklint ships
 * ({@code kubernetes-plugin.schema.json}: the plugin's fields and the Kubernetes core/v1 types it carries), the
 * way the controller's Go {@code json.Unmarshal} would read it: unknown keys are dropped (reported here), a key
 * that differs from a field only in letter case is that field, a value of the wrong type fails the job, and
 * {@code null} is accepted anywhere.
 */
public final class PluginSchema {
    static final String RESOURCE = "/dev/bklint/schema/kubernetes-plugin.schema.json";
    private static final Pattern EXPECTED = Pattern.compile("expected type: (\\w+)");
    private static final Pattern OWNER = Pattern.compile("^#/definitions/([^/]+)/");
    /** Renaming rounds: each round can reach one level deeper below keys written in another case. */
    private static final int MAX_ROUNDS = 32;

    /** One failure, with the schema location it was found at (inherited from the nearest failure that has one). */
    private record Leaf(ValidationException e, String location) {
    }

    private PluginSchema() {
    }

    /** The compiled schema, loaded once on first use (by {@link SchemaCompiler}: everit's loader is too slow). */
    private static final class Holder {
        static final Schema SCHEMA = load();
    }

    static Schema schema() {
        return Holder.SCHEMA;
    }

    private static Schema load() {
        return SchemaCompiler.compileLazily(raw());
    }

    /** The schema document as JSON. */
    static JSONObject raw() {
        try (InputStream in = PluginSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return new JSONObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Every violation in the plugin configuration, in the order of the schema's report. */
    public static List<SchemaViolation> check(YMap config) {
        return List.copyOf(validate(config));
    }

    /**
     * The configuration's source text with its starting column, which decides what the text means, or null when
     * its meaning depends on more than the text: an alias, merge key or tag refers to the rest of the file.
     */
    static String textKey(YMap config) {
        var span = config.span();
        var source = config.source();
        if (source == null || config.via() != null) {
            return null;
        }
        int start = source.offset(span.line(), span.column());
        int end = source.offset(span.endLine(), span.endColumn());
        if (start < 0 || end <= start || end > source.text().length()) {
            return null;
        }
        String text = source.text().substring(start, end);
        if (text.indexOf('*') >= 0 || text.indexOf('!') >= 0 || text.contains("<<")) {
            return null;
        }
        return span.column() + ":" + text;
    }

    private static List<SchemaViolation> validate(YMap config) {
        IdentityHashMap<YEntry, String> renames = new IdentityHashMap<>();
        for (int round = 0; ; round++) {
            JsonView view = JsonView.of(config, renames);
            List<Leaf> leaves = new ArrayList<>();
            try {
                Validator.builder().build().performValidation(schema(), view.json());
            } catch (ValidationException e) {
                collect(e, null, leaves);
            }
            boolean renamed = false;
            if (round < MAX_ROUNDS) {
                // everit reports each extra key of a mapping on its own, with the mapping's pointer: each mapping
                // is looked at once, else thousands of unknown keys cost thousands squared.
                MappingsSeen seen = new MappingsSeen();
                for (Leaf leaf : leaves) {
                    if ("additionalProperties".equals(leaf.e().getKeyword()) && seen.first(leaf.e())) {
                        renamed |= renameCaseVariants(view, leaf.e(), renames);
                    }
                }
            }
            if (!renamed) {
                return violations(view, leaves);
            }
        }
    }

    /** Which (mapping, schema) pairs of additionalProperties failures were handled already. */
    private static final class MappingsSeen {
        private final IdentityHashMap<Schema, Set<String>> pointers = new IdentityHashMap<>();

        boolean first(ValidationException leaf) {
            return pointers.computeIfAbsent(leaf.getViolatedSchema(), k -> new HashSet<>())
                    .add(leaf.getPointerToViolation());
        }
    }

    /** The leaves of everit's tree of failures; a type union ("integer or string") stays one failure. */
    private static void collect(ValidationException e, String inherited, List<Leaf> leaves) {
        String location = e.getSchemaLocation() != null ? e.getSchemaLocation() : inherited;
        List<ValidationException> causes = e.getCausingExceptions();
        if (causes.isEmpty() || isTypeUnion(e)) {
            leaves.add(new Leaf(e, location));
            return;
        }
        for (ValidationException cause : causes) {
            collect(cause, location, leaves);
        }
    }

    private static boolean isTypeUnion(ValidationException e) {
        if (!"anyOf".equals(e.getKeyword()) || e.getCausingExceptions().isEmpty()) {
            return false;
        }
        for (ValidationException c : e.getCausingExceptions()) {
            if (!"type".equals(c.getKeyword()) || !c.getPointerToViolation().equals(e.getPointerToViolation())) {
                return false;
            }
        }
        return true;
    }

    /** Go matches a key to a field ignoring case: validate such a key under the field's own name next round. */
    private static boolean renameCaseVariants(JsonView view, ValidationException leaf, Map<YEntry, String> renames) {
        JsonView.Origin origin = view.at(leaf.getPointerToViolation());
        if (origin == null || !(origin.node() instanceof YMap map)
                || !(leaf.getViolatedSchema() instanceof ObjectSchema object)) {
            return false;
        }
        Set<String> present = new HashSet<>();
        for (YEntry e : map.entries()) {
            if (view.nameOf(e) != null) {
                present.add(view.nameOf(e));
            }
        }
        boolean renamed = false;
        for (YEntry e : map.entries()) {
            String name = view.nameOf(e);
            if (name == null || renames.containsKey(e) || object.getPropertySchemas().containsKey(name)) {
                continue;
            }
            String field = caseMatch(object, name);
            if (field != null && !present.contains(field)) {
                renames.put(e, field);
                present.add(field);
                renamed = true;
            }
        }
        return renamed;
    }

    private static String caseMatch(ObjectSchema object, String name) {
        for (String field : object.getPropertySchemas().keySet()) {
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    private static List<SchemaViolation> violations(JsonView view, List<Leaf> leaves) {
        Map<String, SchemaViolation> out = new LinkedHashMap<>();
        MappingsSeen mappingsSeen = new MappingsSeen();
        for (Leaf l : leaves) {
            ValidationException leaf = l.e();
            String pointer = leaf.getPointerToViolation();
            JsonView.Origin origin = view.at(pointer);
            if (origin == null) {
                continue;
            }
            switch (leaf.getKeyword() == null ? "" : leaf.getKeyword()) {
                case "additionalProperties" -> {
                    if (mappingsSeen.first(leaf)) {
                        unknownKeys(view, leaf, origin, pointer, out); // all of the mapping's unknown keys at once
                    }
                }
                case "type", "anyOf" -> wrongType(view, l, origin, pointer, out);
                case "enum" -> invalidValue(view, l, origin, pointer, out);
                default -> {
                    // The schema uses no other keyword.
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void unknownKeys(JsonView view, ValidationException leaf, JsonView.Origin origin, String pointer,
                                    Map<String, SchemaViolation> out) {
        if (!(origin.node() instanceof YMap map) || !(leaf.getViolatedSchema() instanceof ObjectSchema object)) {
            return;
        }
        List<String> valid = List.copyOf(new TreeSet<>(object.getPropertySchemas().keySet()));
        String owner = leaf.getViolatedSchema().getTitle();
        List<String> parentFields = walk(view, pointer).fields();
        for (YEntry e : map.entries()) {
            String name = view.nameOf(e);
            if (name == null || object.getPropertySchemas().containsKey(name) || caseMatch(object, name) != null) {
                // Known, or a field written in another case (which Go accepts): not an unknown key.
                continue;
            }
            List<String> fields = new ArrayList<>(parentFields);
            fields.add(name);
            out.putIfAbsent(pointer + "/" + JsonView.escape(name) + " key", new SchemaViolation(
                    SchemaViolation.Kind.UNKNOWN_KEY, e.key(), e, map, origin.path(), owner, List.copyOf(fields),
                    valid, null, null, null));
        }
    }

    private static void wrongType(JsonView view, Leaf l, JsonView.Origin origin, String pointer,
                                  Map<String, SchemaViolation> out) {
        ValidationException leaf = l.e();
        if (isNull(origin.node())) {
            return; // Go leaves the field unset for null, whatever its type
        }
        Set<String> expected = new LinkedHashSet<>();
        if ("anyOf".equals(leaf.getKeyword())) {
            for (ValidationException c : leaf.getCausingExceptions()) {
                expected.add(expectedType(c));
            }
        } else {
            expected.add(expectedType(leaf));
        }
        expected.remove(null);
        if (expected.isEmpty()) {
            return;
        }
        Pointed at = walk(view, pointer);
        out.putIfAbsent(pointer, new SchemaViolation(SchemaViolation.Kind.WRONG_TYPE, origin.node(), origin.entry(),
                origin.parent(), origin.path(), owner(l.location()), at.fields(), List.of(),
                String.join(" or ", expected), jsonKind(at.value()), goField(l.location(), at.fields())));
    }

    private static void invalidValue(JsonView view, Leaf l, JsonView.Origin origin, String pointer,
                                     Map<String, SchemaViolation> out) {
        ValidationException leaf = l.e();
        if (isNull(origin.node()) || !(leaf.getViolatedSchema() instanceof EnumSchema e)) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (Object v : e.getPossibleValuesAsList()) {
            if (!String.valueOf(v).isEmpty()) {
                values.add("`" + v + "`");
            }
        }
        Pointed at = walk(view, pointer);
        out.putIfAbsent(pointer, new SchemaViolation(SchemaViolation.Kind.INVALID_VALUE, origin.node(),
                origin.entry(), origin.parent(), origin.path(), owner(l.location()), at.fields(), List.of(),
                String.join(", ", values), jsonKind(at.value()), goField(l.location(), at.fields())));
    }

    private static boolean isNull(YNode node) {
        return node.asScalar() != null && node.asScalar().isNull();
    }

    /** What a type failure expected, in words. */
    static String expectedType(ValidationException e) {
        Matcher m = EXPECTED.matcher(e.getErrorMessage() == null ? "" : e.getErrorMessage());
        String type = m.find() ? m.group(1) : null;
        Schema s = e.getViolatedSchema();
        if (type == null) {
            if (s instanceof ObjectSchema) {
                type = "JSONObject";
            } else if (s instanceof ArraySchema) {
                type = "JSONArray";
            } else if (s instanceof StringSchema) {
                type = "String";
            } else if (s instanceof BooleanSchema) {
                type = "Boolean";
            } else if (s instanceof NumberSchema n) {
                type = n.requiresInteger() ? "Integer" : "Number";
            }
        }
        if (type == null) {
            return null;
        }
        switch (type) {
            case "String": return "a string";
            case "Integer": return "an integer";
            case "Number": return "a number";
            case "Boolean": return "a boolean";
            case "JSONObject": return "a mapping";
            case "JSONArray": return "a list";
            default: return null;
        }
    }

    /** The type that holds the field, from the schema location ({@code #/definitions/EnvVar/properties/value}). */
    private static String owner(String location) {
        if (location == null || location.startsWith("#/properties/")) {
            return "KubernetesPlugin";
        }
        Matcher m = OWNER.matcher(location);
        return m.find() ? m.group(1) : "KubernetesPlugin";
    }

    /**
     * The field as Go's decoder names it in a type error: the struct holding it, then the JSON field path
     * ({@code EnvVar.podSpec.containers.env.value}); for a map value, the path stops at the map.
     */
    private static String goField(String location, List<String> fields) {
        List<String> path = fields;
        if (location != null && location.endsWith("/additionalProperties") && !fields.isEmpty()) {
            path = fields.subList(0, fields.size() - 1);
        }
        return owner(location) + "." + String.join(".", path);
    }

    /** The JSON value at a pointer, and the canonical field names leading to it (list indices left out). */
    private record Pointed(Object value, List<String> fields) {
    }

    private static Pointed walk(JsonView view, String pointer) {
        List<String> names = new ArrayList<>();
        Object current = view.json();
        if (pointer.length() <= 2) {
            return new Pointed(current, names);
        }
        for (String part : pointer.substring(2).split("/", -1)) {
            String key = part.replace("~1", "/").replace("~0", "~");
            if (current instanceof JSONArray a) {
                current = a.opt(Integer.parseInt(key));
            } else {
                names.add(key);
                current = current instanceof JSONObject o ? o.opt(key) : null;
            }
        }
        return new Pointed(current, names);
    }

    private static String jsonKind(Object value) {
        if (value instanceof JSONObject) {
            return "object";
        }
        if (value instanceof JSONArray) {
            return "array";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof String) {
            return "string";
        }
        return "null";
    }
}
