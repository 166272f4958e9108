package dev.bklint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one pass of --fix combines the edits of several findings. */
class EditPlanTest {
    private static final Path ANCHORED = Path.of("fixtures/pipelines/anchored-two-fixes.yml");
    private final Linter linter = new Linter(RuleRegistry.get(), Options.defaults());

    /**
     * The newcomer's case (research newcomer-2, F22): BK201 and BK203 insert at the same offset of one anchored
     * container. Applied naively in one order the file no longer parses; the plan merges them, deepest block first,
     * whatever order the findings come in, and both are fixed in this one pass.
     */
    @Test
    void theAnchoredTwoRuleCaseIsFixedInOnePassInEitherOrder() throws IOException {
        SourceFile source = new SourceFile(ANCHORED.toString(), Files.readString(ANCHORED));
        List<Finding> findings = linter.lint(source).findings();
        assertTrue(findings.stream().anyMatch(f -> f.rule().equals("BK201"))
                && findings.stream().anyMatch(f -> f.rule().equals("BK203")), findings.toString());
        List<Finding> reversed = new ArrayList<>(findings);
        Collections.reverse(reversed);

        String forward = EditPlan.of(source, findings, false).apply(source.text());
        String backward = EditPlan.of(source, reversed, false).apply(source.text());

        assertEquals(forward, backward);
        FileResult after = linter.lint(new SourceFile(source.path(), forward));
        assertFalse(after.findings().stream().anyMatch(f -> List.of("BK001", "BK201", "BK203").contains(f.rule())),
                after.findings() + "\n" + forward);
        assertTrue(forward.contains("""
                          seccompProfile:
                            type: Unconfined
                          appArmorProfile:
                            type: Unconfined
                        env:
                          - name: BUILDKITD_FLAGS
                            value: --oci-worker-no-process-sandbox
                """), forward);
    }

    @Test
    void overlappingChangesDeferTheLaterFinding() {
        SourceFile source = new SourceFile("p.yml", "a: 1\n");
        EditPlan plan = new EditPlanProbe(source).offer("x", 3, 4).offer("y", 3, 4).plan();
        assertEquals(1, plan.fixed().size());
        assertEquals(1, plan.deferred());
        assertEquals("a: x\n", plan.apply(source.text()));
    }

    @Test
    void identicalChangesFromAnAnchorAreAppliedOnce() {
        SourceFile source = new SourceFile("p.yml", "a: 1\n");
        EditPlan plan = new EditPlanProbe(source).offer("x", 3, 4).offer("x", 3, 4).plan();
        assertEquals(2, plan.fixed().size());
        assertEquals("a: x\n", plan.apply(source.text()));
    }

    @Test
    void blocksOpeningTheSameKeyAreNotMergedSoTheKeyIsNotWrittenTwice() {
        SourceFile source = new SourceFile("p.yml", "c:\n  image: x\n");
        EditPlan plan = new EditPlanProbe(source).offer("\n  securityContext:\n    runAsUser: 1000", 13, 13)
                .offer("\n  securityContext:\n    privileged: true", 13, 13).offer("\n  env: []", 13, 13).plan();
        assertEquals(1, plan.deferred());
        assertEquals("c:\n  image: x\n  securityContext:\n    runAsUser: 1000\n  env: []\n",
                plan.apply(source.text()));
    }

    @Test
    void insertionsAtOneOffsetInsideALineAreNotMerged() {
        SourceFile source = new SourceFile("p.yml", "a: 1\n");
        EditPlan plan = new EditPlanProbe(source).offer("\n  b: 2", 2, 2).offer("\n  c: 3", 2, 2).plan();
        assertEquals(1, plan.deferred());
    }
}
