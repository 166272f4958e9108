package dev.bklint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule index the build generates: complete, and with the class each rule's metadata names. */
class RuleIndexTest {
    @Test
    void everyMetadataFileIsIndexedWithItsConventionalClass() throws IOException {
        List<String> ids;
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        RuleRegistry registry = RuleRegistry.load();
        assertEquals(ids, registry.metas().stream().map(RuleMeta::id).toList());
        for (RuleRegistry.LoadedRule r : registry.rules()) {
            assertEquals(r.meta().className(), r.rule().getClass().getName(), r.meta().id());
        }
    }

    @Test
    void aFieldTheGeneratorCannotReadPlainlyLeavesTheFileToTheYamlReader(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("BK001.yaml"), "id: BK001\nname: yaml-syntax\nseverity: error\n"
                + "family: yaml\nsummary: Plain words\n");
        Files.writeString(rules.resolve("BK002.yaml"), "id: BK002\nname: duplicate-key\nseverity: warning\n"
                + "family: yaml\nsummary: >\n  Folded words\n");
        Files.writeString(rules.resolve("BK003.yaml"), "id: BK003\nname: yaml11-boolean\nseverity: error\n"
                + "severity_note: \"quoted \\\"note\\\"\"\nfamily: yaml\nsummary: \"Quoted: ok\"\n");
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "src/build/java/GenerateRuleIndex.java", rules.toString(), out.toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String java = Files.readString(out.resolve("dev/bklint/rules/RuleIndex.java"));
        assertTrue(java.contains("{\"rules/BK001.yaml\", \"BK001\", \"yaml-syntax\", \"error\", null, \"yaml\", "
                + "\"Plain words\"},"), java);
        assertTrue(java.contains("{\"rules/BK002.yaml\"},"), java);
        assertTrue(java.contains("{\"rules/BK003.yaml\"},"), java);
        assertTrue(java.contains("case 1: return new dev.bklint.rules.yaml.DuplicateKey();"), java);
    }
}
