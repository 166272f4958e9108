package dev.bklint.rules;

import dev.bklint.finding.RuleMeta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.build.GenerateRuleIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one reader of rule metadata (the build's generator): every file is indexed with its class, and a broken file,
 * a missing class or a class without metadata stops the build with a line that names the file and what it expects.
 */
class RuleMetadataTest {
    private static final String GOOD = "id: BK001\nname: yaml-syntax\nseverity: error\nfamily: yaml\n"
            + "summary: Plain words\nrationale: |\n  Why.\nfix: Do it.\nreferences:\n  - https://example.com/a\n";

    @TempDir
    Path dir;

    @Test
    void everyMetadataFileIsARuleWithItsClass() throws IOException {
        List<String> ids;
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        RuleRegistry registry = RuleRegistry.get();
        assertEquals(ids, registry.metas().stream().map(RuleMeta::id).toList());
        for (RuleRegistry.LoadedRule r : registry.rules()) {
            assertTrue(r.rule().getClass().getName().startsWith("dev.bklint.rules." + r.meta().family() + "."),
                    r.meta().id());
            assertTrue(!r.meta().rationale().isBlank() && !r.meta().references().isEmpty(), r.meta().id());
        }
    }

    @Test
    void theGeneratedIndexHasTheShortFieldsAndTheTextsApart() throws IOException {
        Path out = generate(GOOD.replace("family: yaml\n", "family: yaml\ntags: [security]\n"), "yaml/YamlSyntax");
        String index = Files.readString(out.resolve("dev/bklint/rules/RuleIndex.java"));
        assertTrue(index.contains("{\"BK001\", \"yaml-syntax\", \"error\", null, \"yaml\", \"Plain words\", null},"),
                index);
        assertTrue(index.contains("{\"security\"},"), index);
        assertTrue(index.contains("case 0: return new dev.bklint.rules.yaml.YamlSyntax();"), index);
        String texts = Files.readString(out.resolve("dev/bklint/finding/RuleTexts.java"));
        assertTrue(texts.contains("\"Why.\",\n                \"Do it.\",\n                \"https://example.com/a\""),
                texts);
    }

    @Test
    void aDeclaredFixApplicabilityReachesTheIndex() throws IOException {
        Path out = generate(GOOD + "fix_applicability: unsafe\n", "yaml/YamlSyntax");
        String index = Files.readString(out.resolve("dev/bklint/rules/RuleIndex.java"));
        assertTrue(index.contains("\"Plain words\", \"unsafe\"},"), index);
    }

    @Test
    void aMetadataFileWithoutItsClassNamesTheClassItExpects() {
        String message = failure(GOOD.replace("yaml-syntax", "yaml-sintax"), "yaml/YamlSyntax");
        assertEquals("rules/BK001.yaml: expects the class dev.bklint.rules.yaml.YamlSintax in "
                + dir.resolve("java/dev/bklint/rules/yaml/YamlSintax.java").toString().replace('\\', '/')
                + " (from its family `yaml` and name `yaml-sintax`), which does not exist", message);
    }

    @Test
    void aRuleClassWithoutMetadataIsNamed() throws IOException {
        Path extra = dir.resolve("java/dev/bklint/rules/yaml/Orphan.java");
        Files.createDirectories(extra.getParent());
        Files.writeString(extra, "package dev.bklint.rules.yaml;\npublic final class Orphan implements Rule {}\n");
        String message = failure(GOOD, "yaml/YamlSyntax");
        assertTrue(message.startsWith(extra.toString().replace('\\', '/') + " implements Rule, but no "
                + "rules/BKnnn.yaml names it"), message);
    }

    @Test
    void eachBrokenFieldIsOneLineNamingTheFile() {
        assertEquals("rules/BK001.yaml: `severity` must be error, warning or info, not `fatal`",
                failure(GOOD.replace("severity: error", "severity: fatal"), "yaml/YamlSyntax"));
        assertEquals("rules/BK001.yaml: `rationale` must be given",
                failure(GOOD.replace("rationale: |\n  Why.\n", ""), "yaml/YamlSyntax"));
        assertTrue(failure(GOOD + "sumary: typo\n", "yaml/YamlSyntax")
                .startsWith("rules/BK001.yaml: unknown field `sumary`"));
        assertEquals("rules/BK001.yaml: unknown tag `secure` (tags: run, security)",
                failure(GOOD + "tags: [secure]\n", "yaml/YamlSyntax"));
        assertEquals("rules/BK001.yaml: a reference must be an https:// address, not `example.com`",
                failure(GOOD.replace("https://example.com/a", "example.com"), "yaml/YamlSyntax"));
        assertEquals("rules/BK001.yaml: `id` must be BKnnn and match the file name, not `BK002`",
                failure(GOOD.replace("id: BK001", "id: BK002"), "yaml/YamlSyntax"));
        assertEquals("rules/BK001.yaml: `fix_applicability` must be safe or unsafe (a fix without edits is "
                + "display-only by itself), not `display-only`",
                failure(GOOD + "fix_applicability: display-only\n", "yaml/YamlSyntax"));
        assertTrue(failure("id: [\n", "yaml/YamlSyntax").startsWith("rules/BK001.yaml: not valid YAML: "));
    }

    private Path generate(String yaml, String classPath) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("BK001.yaml"), yaml);
        Path source = dir.resolve("java/dev/bklint/rules/" + classPath + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package dev.bklint.rules.yaml;\npublic final class "
                + source.getFileName().toString().replace(".java", "") + " implements Rule {}\n");
        Path out = dir.resolve("out");
        GenerateRuleIndex.generate(rules, dir.resolve("java"), out);
        return out;
    }

    private String failure(String yaml, String classPath) {
        return assertThrows(GenerateRuleIndex.MetadataError.class, () -> generate(yaml, classPath)).getMessage();
    }
}
