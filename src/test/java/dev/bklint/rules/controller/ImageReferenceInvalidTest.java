package dev.bklint.rules.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.finding.Finding;
import dev.bklint.rules.RuleFindings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK613 quotes the job error the controller really gives: its own form for one bad image, a table for several. */
class ImageReferenceInvalidTest {
    private static List<Finding> bk613(String containers) {
        String yaml = "steps:\n"
                + "  - command: make\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + containers;
        return RuleFindings.of("BK613", yaml);
    }

    /** As agent-stack-k8s's integration test expects for its invalid-image-name fixture. */
    @Test
    void oneBadImageIsQuotedWithItsContainer() {
        List<Finding> found = bk613("              - image: buildkite/agent:latest plus some extra junk\n");
        assertEquals(1, found.size());
        String m = found.get(0).message() + "\n" + found.get(0).why();
        assertTrue(found.get(0).why().contains("`invalid reference format \"buildkite/agent:latest plus some extra "
                + "junk\" for container "
                + "\"container-0\"`"), m);
        assertTrue(!m.contains("invalid image references"), m);
    }

    @Test
    void severalBadImagesGiveTheTable() {
        List<Finding> found = bk613("              - name: a\n                image: Moby/BuildKit\n"
                + "              - name: b\n                image: \"\"\n");
        assertEquals(2, found.size());
        for (Finding f : found) {
            assertTrue(f.why().contains("`invalid image references` and a table of all 2 of them"), f.why());
        }
    }
}
