package dev.bklint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.engine.Linter;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlLoader;

/**
 * The schemas published for editors (docs/schemas/, for yaml-language-server): the plugin schema is the one bklint
 * ships, and the pipeline schema that wraps it accepts exactly the pipelines where BK004 and BK005 are silent.
 */
class PublishedSchemaTest {
    private static final Path DIR = Path.of("docs/schemas");

    @Test
    void thePublishedPluginSchemaIsTheOneBklintUses() throws IOException {
        assertEquals(Files.readString(Path.of("src/main/resources/dev/bklint/schema/kubernetes-plugin.schema.json")),
                Files.readString(DIR.resolve("kubernetes-plugin.schema.json")));
    }

    private static Schema pipelineSchema() throws IOException {
        JSONObject raw = new JSONObject(Files.readString(DIR.resolve("buildkite-pipeline-kubernetes.schema.json")));
        return SchemaLoader.builder().schemaJson(raw).draftV7Support()
                .resolutionScope(DIR.toAbsolutePath().toUri().toString()).build().load().build();
    }

    static Stream<Path> pipelines() throws IOException {
        return Stream.of("fixtures/pipelines", "fixtures/rules/BK004", "fixtures/rules/BK005", "fixtures/guide")
                .flatMap(d -> {
                    try {
                        return Files.list(Path.of(d));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).filter(p -> p.toString().endsWith(".yml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void thePipelineSchemaAgreesWithBk004AndBk005(Path pipeline) throws Exception {
        String text = Files.readString(pipeline);
        boolean flagged = new Linter(RuleRegistry.get(), Options.defaults()).lint(new SourceFile(pipeline.toString(),
                text)).findings().stream().anyMatch(f -> List.of("BK004", "BK005").contains(f.rule()));
        // Read as bklint reads it (merge keys expanded, YAML 1.2 scalars), as yaml-language-server does.
        JSONObject json = (JSONObject) json(YamlLoader.load(new SourceFile(pipeline.toString(), text)).get(0).root());
        Schema schema = pipelineSchema();
        if (flagged) {
            assertThrows(ValidationException.class, () -> schema.validate(json), "bklint flags it; so must the schema");
            return;
        }
        try {
            schema.validate(json);
        } catch (ValidationException e) {
            // The one known difference: Go's decoder accepts a key in any letter case (bklint follows it); the
            // schema names the canonical spelling, which is what an editor should suggest.
            Set<String> known = propertyNames(new JSONObject(Files.readString(DIR.resolve(
                    "kubernetes-plugin.schema.json"))));
            for (String message : e.getAllMessages()) {
                Matcher m = EXTRANEOUS.matcher(message);
                assertTrue(m.find() && known.contains(m.group(1).toLowerCase(Locale.ROOT)), "bklint is silent, the schema says: " + message);
            }
        }
    }

    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[([^\\]]+)\\] is not permitted");

    private static Set<String> propertyNames(Object schema) {
        Set<String> names = new HashSet<>();
        if (schema instanceof JSONObject o) {
            if (o.opt("properties") instanceof JSONObject props) {
                props.keySet().forEach(k -> names.add(k.toLowerCase(Locale.ROOT)));
            }
            o.keySet().forEach(k -> names.addAll(propertyNames(o.get(k))));
        } else if (schema instanceof JSONArray a) {
            a.forEach(x -> names.addAll(propertyNames(x)));
        }
        return names;
    }

    private static Object json(YNode node) {
        if (node instanceof YMap map) {
            JSONObject o = new JSONObject();
            for (YEntry e : map.entries()) {
                o.put(e.keyText(), json(e.value()));
            }
            return o;
        }
        if (node instanceof YSeq seq) {
            JSONArray a = new JSONArray();
            seq.items().forEach(i -> a.put(json(i)));
            return a;
        }
        YScalar s = node.asScalar();
        return switch (s.type()) {
            case NULL -> JSONObject.NULL;
            case BOOL -> s.isTrue();
            case INT -> s.value().startsWith("0x") ? new BigInteger(s.value().substring(2), 16)
                    : s.value().startsWith("0o") ? new BigInteger(s.value().substring(2), 8) : new BigInteger(s.value());
            case FLOAT -> Double.parseDouble(s.value());
            case STRING -> s.value();
        };
    }
}
