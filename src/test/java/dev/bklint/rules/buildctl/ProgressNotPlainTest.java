package dev.bklint.rules.buildctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK404 reasons about a terminal: Buildkite's PTY for a step, only {@code tty: true} for a plain manifest. */
class ProgressNotPlainTest {
    private static List<Finding> bk404(String path, String yaml) {
        return RuleFindings.of("BK404", Options.defaults(), path, yaml);
    }

    /** A Job in the form of BuildKit's examples/kubernetes/job.privileged.yaml, with extra container fields. */
    private static String job(String buildArgs, String containerExtra) {
        return "apiVersion: batch/v1\n"
                + "kind: Job\n"
                + "metadata: {name: buildkit}\n"
                + "spec:\n"
                + "  template:\n"
                + "    spec:\n"
                + "      restartPolicy: Never\n"
                + "      containers:\n"
                + "        - name: buildkit\n"
                + "          image: moby/buildkit:v0.32.2\n"
                + "          command: [buildctl-daemonless.sh]\n"
                + "          args: [build, --frontend, dockerfile.v0, --local, context=/workspace, --local, "
                + "dockerfile=/workspace" + buildArgs + "]\n"
                + "          securityContext: {privileged: true}\n"
                + containerExtra;
    }

    @Test
    void aManifestWithoutATerminalAlreadyGetsPlainOutput() {
        assertEquals(List.of(), bk404("job.yaml", job("", "")));
        assertEquals(List.of(), bk404("job.yaml", job(", --progress=auto", "")));
    }

    @Test
    void aManifestContainerWithTtyIsReportedForItsTerminal() {
        List<Finding> found = bk404("job.yaml", job("", "          tty: true\n"));
        assertEquals(1, found.size());
        assertEquals(Severity.INFO, found.get(0).severity());
        assertTrue(found.get(0).message().contains("under the container's `tty: true`"), found.get(0).message());
        assertTrue(!found.get(0).message().contains("Buildkite"), found.get(0).message());
    }

    @Test
    void ttyModeWithoutATerminalFails() {
        List<Finding> found = bk404("job.yaml", job(", --progress=tty", ""));
        assertEquals(1, found.size());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertTrue(found.get(0).message().contains("container `buildkit` has none"), found.get(0).message());
        assertTrue(found.get(0).why().contains("`failed to get console`"), found.get(0).why());
    }

    @Test
    void aBuildkiteStepKeepsThePtyReasoning() {
        String yaml = "steps:\n"
                + "  - command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. "
                + "--local dockerfile=.\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + "              - image: moby/buildkit:v0.32.2\n"
                + "                securityContext: {privileged: true}\n";
        List<Finding> found = bk404("pipeline.yml", yaml);
        assertEquals(1, found.size());
        assertEquals(Severity.INFO, found.get(0).severity());
        assertTrue(found.get(0).message().contains("under Buildkite's PTY"), found.get(0).message());
    }
}
