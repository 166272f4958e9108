package dev.bklint.rules.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.rules.KubernetesVersion;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK612 names the feature gate the target version has: UserNamespacesStatelessPodsSupport until 1.27. */
class UsernsUnsupportedTest {
    private static final String PIPELINE = "steps:\n"
            + "  - command: make\n"
            + "    plugins:\n"
            + "      - kubernetes:\n"
            + "          podSpec:\n"
            + "            hostUsers: false\n"
            + "            containers:\n"
            + "              - name: main\n"
            + "                image: moby/buildkit:v0.32.2\n"
            + "                securityContext:\n"
            + "                  privileged: true\n";

    private static Finding bk612(int minor) {
        Options options = new Options(new KubernetesVersion(1, minor), false, null);
        List<Finding> found = RuleFindings.of("BK612", options, "pipeline.yml", PIPELINE);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void before128TheGateIsUserNamespacesStatelessPodsSupport() {
        for (int minor : new int[] {25, 27}) {
            Finding f = bk612(minor);
            assertTrue(f.why().contains("the UserNamespacesStatelessPodsSupport feature gate is off by default"),
                    f.why());
            assertTrue(f.fix().description().contains("UserNamespacesStatelessPodsSupport"), f.fix().description());
        }
    }

    @Test
    void from128TheGateIsUserNamespacesSupport() {
        Finding f = bk612(28);
        assertTrue(f.why().contains("the UserNamespacesSupport feature gate is off by default"), f.why());
        assertFalse(f.fix().description().contains("StatelessPods"), f.fix().description());
    }
}
