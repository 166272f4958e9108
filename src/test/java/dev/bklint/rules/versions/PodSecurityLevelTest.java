package dev.bklint.rules.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK504 with a level given reports a rejection only for what the container states, as admission checks it. */
class PodSecurityLevelTest {
    /** Rootless, without privileged and without explicit Unconfined profiles: no Baseline violation. */
    private static final String ROOTLESS_UNDEFINED_PROFILES = "steps:\n"
            + "  - command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. "
            + "--local dockerfile=. --progress=plain\n"
            + "    plugins:\n"
            + "      - kubernetes:\n"
            + "          podSpec:\n"
            + "            containers:\n"
            + "              - name: main\n"
            + "                image: moby/buildkit:v0.32.2-rootless\n"
            + "                env:\n"
            + "                  - {name: BUILDKITD_FLAGS, value: --oci-worker-no-process-sandbox}\n"
            + "                securityContext:\n"
            + "                  runAsUser: 1000\n"
            + "                  runAsGroup: 1000\n";

    private static List<Finding> bk504(String level, String yaml) {
        Options options = new Options(Options.CURRENT, true, level);
        return RuleFindings.of("BK504", options, "pipeline.yml", yaml);
    }

    @Test
    void baselineAdmitsAPodWithoutBaselineViolations() {
        List<Finding> found = bk504("baseline", ROOTLESS_UNDEFINED_PROFILES);
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("passes the `baseline` Pod Security Standards level as written"), f.message());
        assertFalse(f.message().contains("rejects") || f.why().contains("rejects"), f.why());
    }

    @Test
    void restrictedRejectsItForTheFieldsItLeavesOpen() {
        List<Finding> found = bk504("restricted", ROOTLESS_UNDEFINED_PROFILES);
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("needs the `baseline` Pod Security Standards level"), f.message());
        assertTrue(f.why().contains("`allowPrivilegeEscalation` not `false`"), f.why());
        assertTrue(f.why().contains("violate Restricted"), f.why());
    }

    @Test
    void unconfinedProfilesAreRejectedByBaseline() {
        String yaml = ROOTLESS_UNDEFINED_PROFILES + "                  seccompProfile: {type: Unconfined}\n";
        List<Finding> found = bk504("baseline", yaml);
        assertEquals(1, found.size());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertTrue(found.get(0).why().contains("seccomp `Unconfined` violates Baseline"), found.get(0).why());
    }
}
