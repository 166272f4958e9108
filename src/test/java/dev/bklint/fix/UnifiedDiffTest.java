package dev.bklint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void distantChangesAreSeparateHunksWithThreeLinesOfContext() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("l").append(i).append('\n');
        }
        String after = before.toString().replace("l2\n", "l2\nnew\n").replace("l18\n", "");
        assertEquals("""
                --- p.yml
                +++ p.yml
                @@ -1,5 +1,6 @@
                 l1
                 l2
                +new
                 l3
                 l4
                 l5
                @@ -15,6 +16,5 @@
                 l15
                 l16
                 l17
                -l18
                 l19
                 l20
                """, UnifiedDiff.of("p.yml", before.toString(), after));
    }

    @Test
    void aLastLineWithoutLineBreakIsMarked() {
        assertEquals("--- p\n+++ p\n@@ -1 +1 @@\n-a: 1\n\\ No newline at end of file\n+a: 2\n"
                + "\\ No newline at end of file\n", UnifiedDiff.of("p", "a: 1", "a: 2"));
    }

    @Test
    void aDiffOverTheBudgetIsOneCorrectHunk() {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            before.append("a").append(i).append('\n');
            after.append(i % 2 == 0 ? "b" : "a").append(i).append('\n');
        }
        String diff = UnifiedDiff.of("p", before.toString(), after.toString());
        assertEquals(1, diff.split("\n@@ ").length - 1, "one hunk");
        // 3,000 changed lines are beyond the budget: lines 1 to 5,999 are replaced whole, with the common last line as context.
        assertEquals(2 * 5999, diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")).count() - 2);
        assertEquals(true, diff.contains("@@ -1,6000 +1,6000 @@\n-a0\n-a1\n"), diff.substring(0, 80));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("p", "a\n", "a\n"));
    }
}
