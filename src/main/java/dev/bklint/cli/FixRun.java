package dev.bklint.cli;

import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.fix.FileFixer;
import dev.bklint.fix.FixOutcome;
import dev.bklint.fix.FixedFileWriter;
import dev.bklint.fix.UnifiedDiff;
import dev.bklint.report.SafeText;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --fix} and {@code --diff} after linting: fixes each file, then writes it back ({@code --fix}), prints the
 * fixed text (standard input) or prints the change as a unified diff ({@code --diff}, which writes nothing). The
 * lint results it returns are those of what remains, for the report and the exit status.
 */
final class FixRun {
    private final FileFixer fixer;
    /** Lints what remains for the report, with the report's limit on findings per file. */
    private final Linter reporting;
    private final boolean diff;
    private boolean unwritten;

    FixRun(RuleRegistry registry, Options options, boolean unsafeToo, boolean diff) {
        // Fixing sees every finding: one left out of a pass by --max-findings would look like a fix that failed.
        this.fixer = new FileFixer(new Linter(registry, options.withMaxFindings(Integer.MAX_VALUE)), unsafeToo);
        this.reporting = new Linter(registry, options);
        this.diff = diff;
    }

    /** True when a fixed file could not be written (exit status 2, as for a report). */
    boolean unwritten() {
        return unwritten;
    }

    List<FileResult> run(List<FileResult> results, SourceFile stdin, PrintWriter out, PrintWriter err) {
        List<FixOutcome> outcomes = results.size() < 2 ? results.stream().map(r -> fixer.fix(r.source())).toList()
                : results.parallelStream().map(r -> fixer.fix(r.source())).toList();
        List<FileResult> remaining = new ArrayList<>();
        int fixed = 0;
        int files = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            FixOutcome o = outcomes.get(i);
            FileResult linted = results.get(i);
            SourceFile source = o.original();
            String shown = SafeText.visible(source.path());
            if (o.refusal() != null) {
                err.println("bklint: " + shown + ": not fixed: " + SafeText.visible(o.refusal()));
            }
            if (diff) {
                out.print(SafeText.visibleLines(UnifiedDiff.of(source.path(), source.text(), o.fixedText())));
            } else if (source == stdin) {
                out.print(o.fixedText());
            } else if (o.changed() && !write(source, o, err)) {
                remaining.add(linted);
                continue;
            }
            if (!o.changed()) {
                remaining.add(linted);
                continue;
            }
            fixed += o.fixedFindings();
            files++;
            remaining.add(reporting.lint(o.fixed()));
        }
        out.flush();
        err.println("bklint: " + (diff ? "would fix " : "fixed ") + fixed + (fixed == 1 ? " finding" : " findings")
                + " in " + files + (files == 1 ? " file" : " files") + ".");
        err.flush();
        return remaining;
    }

    private boolean write(SourceFile source, FixOutcome o, PrintWriter err) {
        try {
            FixedFileWriter.write(Path.of(source.path()), source.text(), o.fixedText());
            return true;
        } catch (FixedFileWriter.NotWritten e) {
            err.println("bklint: " + SafeText.visible(e.getMessage()));
            unwritten = true;
            return false;
        }
    }
}
