package dev.bklint.rules;

import dev.bklint.finding.RuleMeta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.cli.FixtureArgs;
import dev.bklint.cli.DocsGenerator;
import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Applicability;
import dev.bklint.finding.Edit;
import dev.bklint.report.EditApplier;
import dev.bklint.finding.Finding;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applying a rule's own edits to its triggering fixture must leave valid YAML on which that rule no longer fires
 * there: the fixes are meant for a later {@code --fix}, so they must be right, not just printable.
 */
public class FixEditsTest {
    static List<RuleMeta> rules() {
        return RuleRegistry.get().metas();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void editsRepairTheFixture(RuleMeta rule) throws IOException {
        Path fires = DocsGenerator.firesFixture(rule);
        String text = Files.readString(fires);
        Options options = optionsOf(FixtureArgs.of(text));
        Linter linter = new Linter(RuleRegistry.get(), options);
        SourceFile source = new SourceFile(fires.toString(), text);
        FileResult before = linter.lint(source);
        List<Edit> edits = new ArrayList<>();
        int fixable = 0;
        for (Finding f : before.findings()) {
            if (f.rule().equals(rule.id()) && f.fix() != null && !f.fix().edits().isEmpty()) {
                edits.addAll(f.fix().edits());
                fixable++;
            }
        }
        // The level is declared once per rule: a rule with edits must say how safe they are (some rules, such as
        // BK409, have edits only in cases their fires fixture does not show).
        assertTrue(fixable == 0 || rule.fixApplicability() != null, rule.id() + ": its fires fixture yields edits, "
                + "so rules/" + rule.id() + ".yaml must give fix_applicability");
        if (fixable == 0) {
            return; // this rule's fix is advice, not an edit
        }
        for (Finding f : before.findings()) {
            if (f.rule().equals(rule.id()) && f.fix() != null) {
                assertEquals(f.fix().edits().isEmpty() ? Applicability.DISPLAY_ONLY : rule.fixApplicability(),
                        f.fix().applicability(), f.toString());
            }
        }
        String fixed = EditApplier.apply(source, edits);
        FileResult after = linter.lint(new SourceFile(fires.toString(), fixed));
        assertFalse(after.findings().stream().anyMatch(f -> f.rule().equals("BK001")),
                "edits broke the YAML:\n" + fixed);
        long remaining = after.findings().stream().filter(f -> f.rule().equals(rule.id())).count();
        assertTrue(remaining == 0, rule.id() + " still fires after its edits:\n" + fixed);
    }

    /** The options a fixture's own {@code # bklint-args:} line gives (shared with the fix property test). */
    public static Options optionsOf(List<String> args) {
        Options o = Options.defaults();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--kubernetes-version")) {
                o = new Options(KubernetesVersion.parse(args.get(i + 1)), false, o.podSecurityLevel());
            } else if (args.get(i).equals("--pod-security-level")) {
                o = new Options(o.kubernetesVersion(), o.versionAssumed(), args.get(i + 1));
            }
        }
        return o;
    }
}
