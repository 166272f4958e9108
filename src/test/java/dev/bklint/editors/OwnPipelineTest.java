package dev.bklint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * bklint's own .buildkite/pipeline.yml is the example users copy: bklint passes it with no finding at any severity,
 * and its steps fit together (the diagnose step reads the artifact the BuildKit step keeps, through a script that
 * exists; the Dockerfile copies out what the release build makes).
 */
class OwnPipelineTest {
    private static final Path PIPELINE = Path.of(".buildkite/pipeline.yml");

    @Test
    void bklintFindsNothingInItsOwnPipelineAtAnySeverity() {
        Fixtures.Run run = Fixtures.run("--no-config", "--fail-on", "info", PIPELINE.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("No findings in 1 file.\n", run.out());
    }

    @Test
    void itsStepsFitTogether() throws IOException {
        Map<String, Map<String, Object>> steps = stepsByKey();
        Map<String, Object> archive = steps.get("archive");
        Map<String, Object> diagnose = steps.get("diagnose");
        assertEquals("archive", diagnose.get("depends_on"));
        assertEquals(Boolean.TRUE, diagnose.get("allow_dependency_failure"), "the diagnosis runs after a failure");

        Matcher script = Pattern.compile("^(\\S+) (\\S+) (\\S+)$").matcher((String) diagnose.get("command"));
        assertTrue(script.matches(), diagnose.get("command").toString());
        assertTrue(Files.isExecutable(Path.of(script.group(1))), script.group(1));
        assertEquals("archive", script.group(2), "the step it diagnoses");
        String artifact = script.group(3);
        assertTrue(((List<?>) archive.get("artifact_paths")).contains(artifact), "the build step keeps " + artifact);
        String build = (String) archive.get("command");
        assertTrue(build.contains("| tee " + artifact), build);

        Matcher dockerfile = Pattern.compile("--local dockerfile=(\\S+)").matcher(build);
        assertTrue(dockerfile.find(), build);
        String text = Files.readString(Path.of(dockerfile.group(1), "Dockerfile"));
        assertTrue(text.contains("ARG BKLINT_COMMIT") && build.contains("build-arg:BKLINT_COMMIT="), text);
        // What the last stage copies out is what tools/release/build-archive.sh leaves in target/release/.
        String archiveScript = Files.readString(Path.of("tools/release/build-archive.sh"));
        assertTrue(archiveScript.contains("\"$out/$name.tar.gz\"") && archiveScript.contains("\"$out/bklint-$version.jar\"")
                && archiveScript.contains("> SHA256SUMS"), "build-archive.sh's outputs changed: update the Dockerfile");
        assertTrue(text.contains("/src/target/release/*.tar.gz /src/target/release/*.jar "
                + "/src/target/release/SHA256SUMS /"), text);
        String ignored = Files.readString(Path.of(dockerfile.group(1), "Dockerfile.dockerignore"));
        assertTrue(ignored.lines().anyMatch(artifact::equals), "the log being written is not sent as context");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> stepsByKey() throws IOException {
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(PIPELINE));
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Object step : (List<Object>) doc.get("steps")) {
            Map<String, Object> s = (Map<String, Object>) step;
            byKey.put(Objects.toString(s.get("key")), s);
        }
        return byKey;
    }
}
