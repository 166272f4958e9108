package dev.bklint.rules.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK607 says where the command really runs when the checkout is skipped: /workspace, with the agent's files. */
class CheckoutSkippedTest {
    @Test
    void theCommandRunsInWorkspaceNotInAnEmptyCheckout() {
        String yaml = "steps:\n"
                + "  - command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. "
                + "--local dockerfile=. --progress=plain\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          checkout:\n"
                + "            skip: true\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + "              - image: moby/buildkit:v0.32.2\n"
                + "                securityContext: {privileged: true}\n";
        List<Finding> found = RuleFindings.of("BK607", yaml);
        assertEquals(1, found.size());
        String m = found.get(0).message() + "\n" + found.get(0).why();
        assertTrue(found.get(0).why().contains("the command runs in `/workspace`, which holds the agent's files"), m);
        assertFalse(m.contains("empty directory"), m);
    }
}
