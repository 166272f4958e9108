package dev.bklint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the whole path from bytes to findings (Jazzer), run by the {@code fuzz} Maven profile:
 * {@code JAZZER_FUZZ=1 mvn -Pfuzz test -Dtest=LintFuzzTest} fuzzes for real. Its seed corpus
 * (src/test/resources/dev/bklint/fuzz/LintFuzzTestInputs) is replayed on every test run by {@link FuzzSeedsTest},
 * without starting Jazzer.
 */
class LintFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void bytesToFindings(byte[] data) {
        BytesToFindings.check(data);
    }
}
