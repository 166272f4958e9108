package dev.bklint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pipeline written the way upstream recommends gets no finding: the Buildkite guide's examples with their
 * defects corrected pass {@code --fail-on info}, and BuildKit's own Kubernetes examples pass the default gate (their
 * {@code :master} tags are a true BK109 info).
 */
class UpstreamRecommendedTest {
    @ParameterizedTest
    @ValueSource(strings = {"fixtures/pipelines/privileged-pinned.yml", "fixtures/pipelines/rootless-strict-pinned.yml",
        "fixtures/pipelines/userns.yml", "fixtures/pipelines/sidecar-daemon-cache.yml",
        "fixtures/pipelines/remote-daemon.yml"})
    void theGuidesCorrectedExamplesHaveNoFindingAtAll(String pipeline) {
        Fixtures.Run run = Fixtures.run("--concise", "--fail-on", "info", pipeline);
        assertEquals("No findings in 1 file.\n", run.out() + run.err());
        assertEquals(0, run.exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pod", "deployment+service", "job", "statefulset"})
    void buildkitsKubernetesExamplesPassTheDefaultGate(String kind) {
        for (String mode : new String[] {"rootless", "privileged", "userns"}) {
            String file = "fixtures/corpus/moby-buildkit/" + kind + "." + mode + ".yaml";
            Fixtures.Run run = Fixtures.run("--concise", file);
            assertEquals(0, run.exit(), file + ":\n" + run.out() + run.err());
            assertTrue(run.out().contains(" 0 errors, 0 warnings, "), run.out());
        }
    }
}
