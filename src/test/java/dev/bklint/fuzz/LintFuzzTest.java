package dev.bklint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.report.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzzing of the whole path from bytes to findings (Jazzer). In a normal test run it replays its
 * seed corpus (src/test/resources/dev/bklint/fuzz/LintFuzzTestInputs); {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=LintFuzzTest} fuzzes for real. A finding or an input error is fine; an exception or a position outside the
 * file is a bug.
 */
class LintFuzzTest {
    private static final Linter LINTER = new Linter(RuleRegistry.loadForLinting(), Options.defaults());

    @FuzzTest(maxDuration = "60s")
    void bytesToFindings(byte[] data) {
        SourceFile source;
        try {
            source = SourceReader.read(new ByteArrayInputStream(data), "fuzz.yml");
        } catch (InputError e) {
            return;
        }
        FileResult result = LINTER.lint(source);
        for (Finding f : result.findings()) {
            if (f.path().equals("fuzz.yml") && (f.span().line() < 1 || f.span().line() > source.lineCount()
                    || f.span().column() < 1)) {
                throw new IllegalStateException("position outside the file: " + f);
            }
        }
    }
}
