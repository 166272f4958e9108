package dev.bklint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bklint.engine.FileResult;
import dev.bklint.finding.Applicability;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fixes FileFixer refuses, driven by a stand-in linter whose edits go wrong on purpose. */
class FileFixerTest {
    private static final String TEXT = "a: 1\n";

    /** A linter that reports `a: 1` with an edit to {@code replacement}, and BK001 when the text has a `[`. */
    private static Function<SourceFile, FileResult> linter(String replacement, boolean firesAfter) {
        return source -> {
            List<Finding> findings = new ArrayList<>();
            if (source.text().contains("[")) {
                findings.add(finding(source, "BK001", "Broken YAML.", null));
            }
            if (source.text().equals(TEXT) || firesAfter) {
                Edit edit = new Edit(source.spanOf(3, source.text().indexOf('\n')), replacement);
                findings.add(finding(source, "BK999", "Wrong value.",
                        new Fix("Write it.", null, List.of(edit), Applicability.SAFE)));
            }
            return new FileResult(source, findings, List.of());
        };
    }

    private static Finding finding(SourceFile source, String rule, String message, Fix fix) {
        return new Finding(rule, "probe", Severity.ERROR, source.path(), source.spanOf(0, 1), message, "", fix);
    }

    private static FixOutcome fix(Function<SourceFile, FileResult> linter) {
        return new FileFixer(linter, false).fix(new SourceFile("p.yml", TEXT));
    }

    @Test
    void aFixThatWorksIsApplied() {
        FixOutcome o = fix(linter("2", false));
        assertEquals(null, o.refusal());
        assertEquals("a: 2\n", o.fixedText());
        assertEquals(1, o.fixedFindings());
    }

    @Test
    void aResultThatDoesNotParseIsRefusedAndTheTextKept() {
        FixOutcome o = fix(linter("[", false));
        assertEquals("the fixed text would not parse (line 1: Broken YAML.)", o.refusal());
        assertEquals(TEXT, o.fixedText());
        assertFalse(o.changed());
    }

    @Test
    void aFixedFindingThatStillFiresIsRefused() {
        FixOutcome o = fix(linter("2", true));
        assertEquals("BK999 would still fire after its fix (\"Wrong value.\")", o.refusal());
        assertEquals(TEXT, o.fixedText());
    }
}
