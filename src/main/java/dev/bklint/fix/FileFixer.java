package dev.bklint.fix;

import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.source.SourceFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code --fix} for one file's text: applies the chosen edits of all findings together, lints the result again
 * and repeats until no edit is left to apply, at most {@value #MAX_PASSES} times. Nothing is written here; a result
 * that does not parse, on which a fixed finding still fires, or that never settles is refused with its reason.
 */
public final class FileFixer {
    /** Each pass fixes what the previous one deferred or uncovered; more than this means edits that undo others. */
    static final int MAX_PASSES = 8;
    private static final String YAML_SYNTAX = "BK001";

    private final Function<SourceFile, FileResult> linter;
    private final boolean unsafeToo;

    public FileFixer(Linter linter, boolean unsafeToo) {
        this(linter::lint, unsafeToo);
    }

    /** With any lint function: the tests give one whose edits break the file, to see the fix refused. */
    FileFixer(Function<SourceFile, FileResult> linter, boolean unsafeToo) {
        this.linter = linter;
        this.unsafeToo = unsafeToo;
    }

    /**
     * Fixes a file's text. The linter must report every finding (no {@code --max-findings} cut): a finding left out
     * of one pass and shown in the next would look like a fixed finding firing again.
     */
    public FixOutcome fix(SourceFile original) {
        SourceFile current = original;
        FileResult result = linter.apply(original);
        long syntaxErrors = count(result.findings(), YAML_SYNTAX);
        int fixed = 0;
        for (int pass = 1; pass <= MAX_PASSES; pass++) {
            EditPlan plan = EditPlan.of(current, result.findings(), unsafeToo);
            if (plan.isEmpty()) {
                return FixOutcome.done(original, current, fixed, pass - 1);
            }
            SourceFile next = new SourceFile(current.path(), plan.apply(current.text()));
            FileResult after = linter.apply(next);
            if (count(after.findings(), YAML_SYNTAX) > syntaxErrors) {
                Finding syntax = after.findings().stream().filter(f -> f.rule().equals(YAML_SYNTAX)).findFirst()
                        .orElseThrow();
                return FixOutcome.refused(original, "the fixed text would not parse (line " + syntax.span().line()
                        + ": " + syntax.message() + ")");
            }
            Finding still = stillFiring(plan.fixed(), result.findings(), after.findings());
            if (still != null) {
                return FixOutcome.refused(original, still.rule() + " would still fire after its fix (\""
                        + still.message() + "\")");
            }
            fixed += plan.fixed().size();
            current = next;
            result = after;
        }
        return EditPlan.of(current, result.findings(), unsafeToo).isEmpty()
                ? FixOutcome.done(original, current, fixed, MAX_PASSES)
                : FixOutcome.refused(original, "the edits did not settle in " + MAX_PASSES + " passes");
    }

    /**
     * A fixed finding that fires again, told apart by rule and headline (positions move when text is inserted): a
     * pair may appear afterwards only as often as it did before less the number of its findings this pass fixed.
     */
    private static Finding stillFiring(List<Finding> fixed, List<Finding> before, List<Finding> after) {
        Map<String, Integer> left = new HashMap<>();
        before.forEach(f -> left.merge(key(f), 1, Integer::sum));
        fixed.forEach(f -> left.merge(key(f), -1, Integer::sum));
        Set<String> fixedKeys = new HashSet<>();
        fixed.forEach(f -> fixedKeys.add(key(f)));
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : after) {
            String k = key(f);
            if (fixedKeys.contains(k) && seen.merge(k, 1, Integer::sum) > left.get(k)) {
                return f;
            }
        }
        return null;
    }

    private static String key(Finding f) {
        return f.rule() + "\u0000" + f.message();
    }

    private static long count(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).count();
    }
}
