package dev.bklint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON pipelines count the same whether bklint finds them itself or is given their folder. */
class DiscoveryTest {
    private static Path write(Path root, String name) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "{\"steps\": []}\n");
        return p;
    }

    @Test
    void aFolderYieldsItsJsonPipelinesButNotOtherJson(@TempDir Path root) throws IOException, InputError {
        write(root, ".buildkite/pipeline.json");
        write(root, ".buildkite/deploy/pipeline.release.json");
        write(root, ".buildkite/renovate.json");
        Path dir = root.resolve(".buildkite");
        assertEquals(List.of(dir.resolve("deploy/pipeline.release.json"), dir.resolve("pipeline.json")),
                Discovery.expand(dir));
    }

    @Test
    void discoveryFindsTheSameJsonPipelinesUnderBuildkite(@TempDir Path root) throws IOException, InputError {
        write(root, ".buildkite/pipeline.json");
        write(root, ".buildkite/deploy/pipeline.release.json");
        write(root, ".buildkite/renovate.json");
        assertEquals(List.of(Path.of(".buildkite/pipeline.json"), Path.of(".buildkite/deploy/pipeline.release.json")),
                Discovery.discover(root));
    }
}
