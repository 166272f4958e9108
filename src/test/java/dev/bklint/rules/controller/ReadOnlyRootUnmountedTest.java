package dev.bklint.rules.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BK611: a volume above {@code $TMPDIR} hides the image's directory and rootlesskit does not create it, so only a
 * mount at {@code $TMPDIR} itself counts; the state directory, which buildkitd creates, may sit under a parent mount.
 */
class ReadOnlyRootUnmountedTest {
    private static List<Finding> bk611(String extraMounts) {
        String yaml = "steps:\n"
                + "  - command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. "
                + "--local dockerfile=. --progress=plain\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            volumes:\n"
                + "              - {name: tmp, emptyDir: {}}\n"
                + "              - {name: run, emptyDir: {}}\n"
                + "              - {name: local, emptyDir: {}}\n"
                + "              - {name: ltmp, emptyDir: {}}\n"
                + "            containers:\n"
                + "              - name: main\n"
                + "                image: moby/buildkit:v0.32.2-rootless\n"
                + "                env:\n"
                + "                  - {name: BUILDKITD_FLAGS, value: --oci-worker-no-process-sandbox}\n"
                + "                volumeMounts:\n"
                + "                  - {name: tmp, mountPath: /tmp}\n"
                + "                  - {name: run, mountPath: /run/user/1000}\n"
                + "                  - {name: local, mountPath: /home/user/.local}\n"
                + extraMounts
                + "                securityContext:\n"
                + "                  readOnlyRootFilesystem: true\n"
                + "                  runAsUser: 1000\n"
                + "                  runAsGroup: 1000\n"
                + "                  seccompProfile: {type: Unconfined}\n"
                + "                  appArmorProfile: {type: Unconfined}\n";
        return RuleFindings.of("BK611", yaml);
    }

    @Test
    void aParentMountHidesTmpdir() {
        List<Finding> found = bk611("");
        assertEquals(1, found.size());
        String m = found.get(0).message() + "\n" + found.get(0).why();
        assertTrue(found.get(0).why().contains("`/home/user/.local/tmp` for rootlesskit's temporary state"), m);
        assertTrue(found.get(0).why().contains("the volume at `/home/user/.local` starts empty and hides it"), m);
        assertTrue(!m.contains("/home/user/.local/share/buildkit"), "buildkitd creates its state dir: " + m);
        assertTrue(found.get(0).fix().snippet().contains("mountPath: /home/user/.local/tmp"));
    }

    @Test
    void aMountAtTmpdirItselfIsEnough() {
        assertEquals(List.of(), bk611("                  - {name: ltmp, mountPath: /home/user/.local/tmp}\n"));
    }
}
