package dev.bklint.rules.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.KubernetesVersion;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK503 follows the two steps of the annotation's removal: kubelet from 1.25, the API server's copy from 1.27. */
class SeccompAnnotationIgnoredTest {
    private static final String PIPELINE = "steps:\n"
            + "  - command: make\n"
            + "    plugins:\n"
            + "      - kubernetes:\n"
            + "          metadata:\n"
            + "            annotations:\n"
            + "              container.seccomp.security.alpha.kubernetes.io/main: unconfined\n"
            + "          podSpec:\n"
            + "            containers:\n"
            + "              - name: main\n"
            + "                image: moby/buildkit:v0.32.2-rootless\n";

    private static List<Finding> bk503(int minor) {
        Options options = new Options(new KubernetesVersion(1, minor), false, null);
        return RuleFindings.of("BK503", options, "pipeline.yml", PIPELINE);
    }

    @Test
    void beforeTheKubeletDroppedItTheAnnotationWorks() {
        assertEquals(List.of(), bk503(24));
    }

    @Test
    void on125And126TheApiServersCopyKeepsItWorking() {
        for (int minor : new int[] {25, 26}) {
            List<Finding> found = bk503(minor);
            assertEquals(1, found.size());
            assertEquals(Severity.WARNING, found.get(0).severity());
            assertTrue(found.get(0).message().contains("stops working on Kubernetes 1.27"), found.get(0).message());
            assertTrue(found.get(0).why().contains("copies it into the `seccompProfile` field"), found.get(0).why());
        }
    }

    @Test
    void from127ItHasNoEffect() {
        List<Finding> found = bk503(27);
        assertEquals(1, found.size());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertTrue(found.get(0).message().contains("has no effect from Kubernetes 1.27"), found.get(0).message());
    }
}
