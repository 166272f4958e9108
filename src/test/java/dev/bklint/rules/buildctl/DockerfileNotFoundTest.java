package dev.bklint.rules.buildctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BK412 follows the frontend's lookup: a missing {@code Dockerfile} is also looked for as {@code dockerfile}. */
class DockerfileNotFoundTest {
    private static String pipeline(String buildFlags) {
        return "steps:\n"
                + "  - command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. "
                + buildFlags + " --progress=plain\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + "              - image: moby/buildkit:v0.32.2\n"
                + "                securityContext: {privileged: true}\n";
    }

    private static String lint(Path project, String buildFlags) throws IOException {
        Path file = project.resolve("pipeline.yml");
        Files.writeString(file, pipeline(buildFlags));
        return Fixtures.run("--format=checkstyle", "--fail-on=never", "--project-dir", project.toString(), file.toString())
                .out();
    }

    @Test
    void aLowerCaseDockerfileIsReadWhenTheDefaultNameIsMissing(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("svc"));
        Files.writeString(project.resolve("svc/dockerfile"), "FROM alpine:3.20\n");
        assertEquals("", lint(project, "--local dockerfile=svc").lines()
                .filter(l -> l.contains("BK412") || l.contains("does not exist")).reduce("", String::concat));
        // The fallback follows the base name, so an explicit `filename=Dockerfile` gets it too.
        assertTrue(!lint(project, "--local dockerfile=. --opt filename=svc/Dockerfile").contains("does not exist"));
    }

    @Test
    void theLowerCaseNameIsNotTriedForOtherNames(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("svc"));
        Files.writeString(project.resolve("svc/dockerfile"), "FROM alpine:3.20\n");
        String out = lint(project, "--local dockerfile=svc --opt filename=api.Dockerfile");
        assertTrue(out.contains("svc/api.Dockerfile") && out.contains("does not exist"), out);
        assertTrue(!out.contains("`dockerfile` beside it"), out);
    }

    @Test
    void aMissingDefaultSaysBothNamesWereTried(@TempDir Path project) throws IOException {
        Files.createDirectories(project.resolve("svc"));
        String out = lint(project, "--local dockerfile=svc");
        assertTrue(out.contains("`svc/Dockerfile`"), out);
        assertTrue(out.contains("does not exist") && out.contains("`dockerfile` beside it, which the frontend also "
                + "tries, does not exist either"), out);
    }
}
