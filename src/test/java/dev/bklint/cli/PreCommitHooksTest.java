package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.source.SourceReader;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YamlLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pre-commit hooks run for every file that can change a lint result: YAML and JSON pipelines, and the
 * Dockerfiles BK412-BK414 read. pre-commit matches {@code files} with Python's re.search; these patterns use only
 * syntax that Java's regex reads the same way.
 */
class PreCommitHooksTest {
    private static final List<String> TRIGGER = List.of(".buildkite/pipeline.yml", ".buildkite/deploy/release.yaml",
            ".buildkite/pipeline.json", "buildkite.json", "buildkite/pipeline.json", "Dockerfile",
            "docker/app.Dockerfile", "images/Dockerfile.prod");
    private static final List<String> IGNORE = List.of("README.md", "src/main/App.java", "docker/entrypoint.sh",
            "package.json");

    @Test
    void everyHookRunsForPipelinesInBothFormatsAndForDockerfiles() throws Exception {
        List<YNode> hooks = YamlLoader.load(SourceReader.read(Path.of(".pre-commit-hooks.yaml"), "hooks"))
                .get(0).root().asSeq().items();
        assertEquals(3, hooks.size());
        for (YNode node : hooks) {
            YMap hook = node.asMap();
            String id = hook.string("id");
            Pattern files = Pattern.compile(hook.string("files"));
            for (String f : TRIGGER) {
                assertTrue(files.matcher(f).find(), id + " runs for " + f);
            }
            for (String f : IGNORE) {
                assertFalse(files.matcher(f).find(), id + " leaves " + f + " alone");
            }
            // A types filter would drop JSON and Dockerfiles again; a Dockerfile must not be linted as a pipeline.
            assertNull(hook.get("types"), id);
            assertEquals("false", hook.string("pass_filenames"), id);
        }
    }
}
