package dev.bklint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.everit.json.schema.ArraySchema;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.NumberSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.ReferenceSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.SchemaLocation;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaCompiler} builds the graph everit's {@code SchemaLoader} builds. everit's {@code equals} ignores
 * schema locations and does not follow references, so {@link GraphComparison} walks both graphs itself.
 */
class SchemaCompilerTest {

    private static Schema everit(JSONObject raw) {
        return SchemaLoader.builder().schemaJson(raw).draftV7Support().build().load().build();
    }

    @Test
    void buildsTheSameGraphAsEveritForThePluginSchema() {
        Schema expected = everit(PluginSchema.raw());
        Schema actual = SchemaCompiler.compile(PluginSchema.raw());
        GraphComparison c = GraphComparison.of(expected, actual);
        assertEquals(List.of(), c.differences());
        // Every reference and the definition behind it was compared; 98 uses of 67 definitions.
        assertEquals(98, c.references());
        assertEquals(67, c.referredSchemas());
    }

    @Test
    void theLazyGraphIsTheSameGraphOnceFollowed() {
        GraphComparison c = GraphComparison.of(everit(PluginSchema.raw()),
                SchemaCompiler.compileLazily(PluginSchema.raw()));
        assertEquals(List.of(), c.differences());
        assertEquals(98, c.references());
        assertEquals(67, c.referredSchemas());
    }

    @Test
    void theSchemaInUseIsTheCompiledOne() {
        assertEquals(List.of(), GraphComparison.of(everit(PluginSchema.raw()), PluginSchema.schema()).differences());
    }

    @Test
    void handlesACycleAndTheOtherSchemaShapesLikeEverit() {
        JSONObject raw = new JSONObject("""
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "title": "Root",
                 "properties": {
                   "tree": {"$ref": "#/definitions/Node"},
                   "again": {"$ref": "#/definitions/Node"},
                   "any": {},
                   "nothing": {"type": "null", "description": "d"},
                   "flag": {"type": ["boolean", "null"]},
                   "mode": {"type": ["string", "null"], "enum": ["a", "b", null], "title": "Mode"},
                   "free": {"type": "object"},
                   "a/b~c\\"d\\\\e": {"type": "string"}},
                 "definitions": {"Node": {"type": "object", "title": "Node", "additionalProperties": false,
                   "properties": {"children": {"type": "array", "items": {"$ref": "#/definitions/Node"}},
                                  "labels": {"type": "object", "additionalProperties": {"type": "string"}}}}}}
                """);
        GraphComparison c = GraphComparison.of(everit(raw), SchemaCompiler.compile(raw));
        assertEquals(List.of(), c.differences());
        assertEquals(3, c.references());
        assertEquals(1, c.referredSchemas());
    }

    @Test
    void theComparisonSeesWhatEveritsEqualsIgnores() {
        Schema a = ObjectSchema.builder().schemaLocation(SchemaLocation.parseURI("#/properties/a")).build();
        Schema b = ObjectSchema.builder().schemaLocation(SchemaLocation.parseURI("#/properties/b")).build();
        assertEquals(a, b);
        assertEquals(List.of("#: schemaLocation #/properties/a != #/properties/b",
                "#: location #/properties/a != #/properties/b",
                "#: location string #/properties/a != #/properties/b"), GraphComparison.of(a, b).differences());

        ReferenceSchema toString = reference(StringSchema.builder().build());
        ReferenceSchema toNumber = reference(NumberSchema.builder().build());
        assertEquals(toString, toNumber);
        assertEquals(List.of("#/<referred>: class StringSchema != NumberSchema"),
                GraphComparison.of(toString, toNumber).differences());
    }

    private static ReferenceSchema reference(Schema referred) {
        ReferenceSchema r = ReferenceSchema.builder().refValue("#/definitions/X").build();
        r.setReferredSchema(referred);
        return r;
    }

    @Test
    void failsLoudlyOnWhatItDoesNotHandle() {
        assertUnsupported("{\"type\": \"string\", \"minLength\": 1}", "'minLength' at #");
        assertUnsupported("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"format\": \"uri\"}}}",
                "'format' at #/properties/a");
        assertUnsupported("{\"properties\": {}}", "'properties' at #");
        assertUnsupported("{\"type\": \"string\", \"items\": {}}", "'items' at #");
        assertUnsupported("{\"type\": \"array\", \"items\": [{}]}", "'items' at #");
        assertUnsupported("{\"type\": \"object\", \"properties\": {\"a\": true}}", "'(schema)' at #/properties/a");
        assertUnsupported("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/properties/b\"}}}",
                "'$ref' at #/properties/a");
        assertUnsupported("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/definitions/X\", \"title\": \"t\"}},"
                + " \"definitions\": {\"X\": {}}}", "'title' at #/properties/a");
        assertUnsupported("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/definitions/Y\"}},"
                + " \"definitions\": {\"X\": {}}}", "'$ref' at #/properties/a");
        assertUnsupported("{\"type\": \"object\", \"properties\": {\"a\": {\"definitions\": {}}}}",
                "'definitions' at #/properties/a");
        assertUnsupported("{\"type\": \"text\"}", "'type' at #");
        assertUnsupported("{\"$schema\": \"http://json-schema.org/draft-04/schema#\"}", "'$schema' at #");
    }

    private static void assertUnsupported(String json, String where) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SchemaCompiler.compile(new JSONObject(json)));
        assertTrue(e.getMessage().contains("keyword " + where), e.getMessage());
    }

    /**
     * A walk of two schema graphs in step, listing every difference with the path that reached it: the class of
     * each node, its locations, title and other common fields, and the fields of its kind, following references
     * once per referred schema (which must also be shared alike: one everit node, one compiled node).
     */
    static final class GraphComparison {
        private final List<String> differences = new ArrayList<>();
        private final Map<Schema, Schema> paired = new IdentityHashMap<>();
        private int references;
        private final Map<Schema, Boolean> referred = new IdentityHashMap<>();

        static GraphComparison of(Schema expected, Schema actual) {
            GraphComparison c = new GraphComparison();
            c.compare("#", expected, actual);
            return c;
        }

        List<String> differences() {
            return differences;
        }

        int references() {
            return references;
        }

        int referredSchemas() {
            return referred.size();
        }

        private void check(String path, String what, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                differences.add(path + ": " + what + " " + expected + " != " + actual);
            }
        }

        private void compare(String path, Schema e, Schema a) {
            if (e == null || a == null) {
                check(path, "schema", e == null ? null : e.getClass().getSimpleName(),
                        a == null ? null : a.getClass().getSimpleName());
                return;
            }
            if (paired.containsKey(e)) {
                if (paired.get(e) != a) {
                    differences.add(path + ": shared in everit's graph, but not the same node here");
                }
                return;
            }
            paired.put(e, a);
            // A lazy reference (a ReferenceSchema subclass) stands where everit has a ReferenceSchema.
            boolean lazyReference = e.getClass() == ReferenceSchema.class && a instanceof ReferenceSchema;
            if (e.getClass() != a.getClass() && !lazyReference) {
                check(path, "class", e.getClass().getSimpleName(), a.getClass().getSimpleName());
                return;
            }
            check(path, "schemaLocation", e.getSchemaLocation(), a.getSchemaLocation());
            check(path, "location", e.getLocation(), a.getLocation());
            check(path, "location string", String.valueOf(e.getLocation()), String.valueOf(a.getLocation()));
            check(path, "title", e.getTitle(), a.getTitle());
            check(path, "description", e.getDescription(), a.getDescription());
            check(path, "id", e.getId(), a.getId());
            check(path, "default", e.getDefaultValue(), a.getDefaultValue());
            check(path, "nullable", e.isNullable(), a.isNullable());
            check(path, "readOnly", e.isReadOnly(), a.isReadOnly());
            check(path, "writeOnly", e.isWriteOnly(), a.isWriteOnly());
            check(path, "unprocessed", e.getUnprocessedProperties(), a.getUnprocessedProperties());
            if (e instanceof ObjectSchema eo) {
                compareObject(path, eo, (ObjectSchema) a);
            } else if (e instanceof ArraySchema ea) {
                compareArray(path, ea, (ArraySchema) a);
            } else if (e instanceof CombinedSchema ec) {
                compareCombined(path, ec, (CombinedSchema) a);
            } else if (e instanceof ReferenceSchema er) {
                ReferenceSchema ar = (ReferenceSchema) a;
                references++;
                check(path, "$ref", er.getReferenceValue(), ar.getReferenceValue());
                if (er.getReferredSchema() != null) {
                    referred.put(er.getReferredSchema(), true);
                }
                compare(path + "/<referred>", er.getReferredSchema(), ar.getReferredSchema());
            } else if (e instanceof EnumSchema ee) {
                check(path, "enum", ee.getPossibleValuesAsList(), ((EnumSchema) a).getPossibleValuesAsList());
            } else if (e instanceof StringSchema es) {
                StringSchema as = (StringSchema) a;
                check(path, "requiresString", es.requireString(), as.requireString());
                check(path, "minLength", es.getMinLength(), as.getMinLength());
                check(path, "maxLength", es.getMaxLength(), as.getMaxLength());
                check(path, "pattern", String.valueOf(es.getPattern()), String.valueOf(as.getPattern()));
                check(path, "format", es.getFormatValidator().formatName(), as.getFormatValidator().formatName());
            } else if (e instanceof NumberSchema en) {
                NumberSchema an = (NumberSchema) a;
                check(path, "requiresNumber", en.isRequiresNumber(), an.isRequiresNumber());
                check(path, "requiresInteger", en.requiresInteger(), an.requiresInteger());
                check(path, "minimum", en.getMinimum(), an.getMinimum());
                check(path, "maximum", en.getMaximum(), an.getMaximum());
                check(path, "multipleOf", en.getMultipleOf(), an.getMultipleOf());
                check(path, "exclusiveMinimum", en.getExclusiveMinimumLimit(), an.getExclusiveMinimumLimit());
                check(path, "exclusiveMaximum", en.getExclusiveMaximumLimit(), an.getExclusiveMaximumLimit());
            }
            // BooleanSchema, NullSchema, EmptySchema: nothing beyond the common fields.
        }

        @SuppressWarnings("deprecation") // getPatternProperties: the Regexp-keyed getter is not public
        private void compareObject(String path, ObjectSchema e, ObjectSchema a) {
            check(path, "requiresObject", e.requiresObject(), a.requiresObject());
            check(path, "additionalProperties", e.permitsAdditionalProperties(), a.permitsAdditionalProperties());
            check(path, "required", e.getRequiredProperties(), a.getRequiredProperties());
            check(path, "minProperties", e.getMinProperties(), a.getMinProperties());
            check(path, "maxProperties", e.getMaxProperties(), a.getMaxProperties());
            check(path, "propertyDependencies", e.getPropertyDependencies(), a.getPropertyDependencies());
            check(path, "schemaDependencies", e.getSchemaDependencies().keySet(), a.getSchemaDependencies().keySet());
            check(path, "patternProperties", e.getPatternProperties().size(), a.getPatternProperties().size());
            compare(path + "/<propertyNames>", e.getPropertyNameSchema(), a.getPropertyNameSchema());
            // In order: validation reports follow the iteration order of the property map.
            check(path, "property order", List.copyOf(e.getPropertySchemas().keySet()),
                    List.copyOf(a.getPropertySchemas().keySet()));
            for (Map.Entry<String, Schema> p : e.getPropertySchemas().entrySet()) {
                if (a.getPropertySchemas().containsKey(p.getKey())) {
                    compare(path + "/properties/" + p.getKey(), p.getValue(), a.getPropertySchemas().get(p.getKey()));
                }
            }
            compare(path + "/additionalProperties", e.getSchemaOfAdditionalProperties(),
                    a.getSchemaOfAdditionalProperties());
        }

        private void compareArray(String path, ArraySchema e, ArraySchema a) {
            check(path, "requiresArray", e.requiresArray(), a.requiresArray());
            check(path, "minItems", e.getMinItems(), a.getMinItems());
            check(path, "maxItems", e.getMaxItems(), a.getMaxItems());
            check(path, "uniqueItems", e.needsUniqueItems(), a.needsUniqueItems());
            check(path, "additionalItems", e.permitsAdditionalItems(), a.permitsAdditionalItems());
            compare(path + "/items", e.getAllItemSchema(), a.getAllItemSchema());
            check(path, "tuple items", e.getItemSchemas() == null, a.getItemSchemas() == null);
            compare(path + "/additionalItems", e.getSchemaOfAdditionalItems(), a.getSchemaOfAdditionalItems());
            compare(path + "/contains", e.getContainedItemSchema(), a.getContainedItemSchema());
        }

        private void compareCombined(String path, CombinedSchema e, CombinedSchema a) {
            check(path, "criterion", e.getCriterion(), a.getCriterion());
            // everit's equals() also compares the (package-private) synthetic flag.
            check(path, "equals (synthetic flag, subschema values)", true, e.equals(a));
            List<Schema> es = new ArrayList<>(e.getSubschemas());
            List<Schema> as = new ArrayList<>(a.getSubschemas());
            check(path, "subschema count", es.size(), as.size());
            if (e.getCriterion() == CombinedSchema.ALL_CRITERION) {
                // everit collects the parts of a synthetic allOf in a HashSet of builders: their order varies from
                // run to run (validation sorts them anyway), so pair them by class.
                as = byClassOf(es, as);
            }
            for (int i = 0; i < Math.min(es.size(), as.size()); i++) {
                compare(path + "/" + e.getCriterion() + "/" + i, es.get(i), as.get(i));
            }
        }

        private static List<Schema> byClassOf(List<Schema> order, Collection<Schema> schemas) {
            List<Schema> left = new ArrayList<>(schemas);
            List<Schema> sorted = new ArrayList<>();
            for (Schema o : order) {
                Schema match = left.stream().filter(s -> s.getClass() == o.getClass()).findFirst().orElse(null);
                if (match == null) {
                    fail("no " + o.getClass().getSimpleName() + " among " + schemas);
                }
                left.remove(match);
                sorted.add(match);
            }
            return sorted;
        }
    }
}
