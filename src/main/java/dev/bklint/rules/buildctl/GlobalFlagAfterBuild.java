package dev.bklint.rules.buildctl;

import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.Word;
import dev.bklint.kubernetes.ImageRef;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.source.Span;
import dev.bklint.yaml.YScalar;
import java.util.List;

/**
 * BK401: buildctl's global flags belong before the subcommand. BuildKit up to v0.30 (urfave/cli v1) rejects them
 * after {@code build}; v0.31 and newer (urfave/cli v3) accept them, so pinned new images only get a warning.
 */
public final class GlobalFlagAfterBuild implements Rule {
    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        Word sub = invocation.command().subcommand();
        if (!invocation.command().isBuild() || sub == null) {
            return;
        }
        ImageRef image = invocation.container().image();
        boolean accepted = image != null && image.isAtLeast(0, 31, 0);
        for (Flag f : invocation.command().flags()) {
            if (!f.global() || !f.afterSubcommand() || f.name().equals("help") || f.name().equals("version")) {
                continue;
            }
            Span span = invocation.flagSpan(f);
            String flagText = invocation.script().text().substring(f.word().start(),
                    f.valueWord() != null ? f.valueWord().end() : f.word().end());
            String why = accepted
                    ? "BuildKit v0.31.0 and newer accept it there, but older images reject it"
                    : "BuildKit up to v0.30 rejects it there: `flag provided but not defined: -" + f.name() + "`"
                      + (image == null || image.version() == null ? " (the image's version is not pinned)" : "");
            String program = invocation.command().programWord().value();
            reporter.report(accepted ? Severity.WARNING : reporter.meta().severity(), span, "Global buildctl flag `"
                    + f.written() + "` is written after `" + sub.value() + "`.", why + ". Before the "
                    + "subcommand it works on every version.", new Fix("Move `" + flagText + "` before `" + sub.value() + "`.",
                    program + " " + flagText + " " + sub.value() + " ...", List.of(
                    new Edit(invocation.span(sub.start(), sub.start()), flagText + " "),
                    new Edit(deletion(invocation, f), ""))));
        }
    }

    /**
     * The flag with the whitespace before it, so that removing it leaves the line tidy. When it is the last word of
     * a command continued onto its own line (`... \` then `--debug`), the continuation goes too, so no dangling
     * `\` and blank line are left; that spans lines, so only in a literal block, where script and file text agree.
     */
    private static Span deletion(Invocation invocation, Flag f) {
        String text = invocation.script().text();
        int start = blanksBefore(text, f.word().start());
        int end = f.valueWord() != null ? f.valueWord().end() : f.word().end();
        int continuation = start - 2;
        if (continuation >= 0 && text.startsWith("\\\n", continuation) && restOfLineIsBlank(text, end)
                && invocation.script().pieceHolding(continuation) == invocation.script().pieceHolding(end - 1)
                && invocation.script().pieceHolding(end - 1).style() == YScalar.Style.LITERAL) {
            return invocation.span(blanksBefore(text, continuation), end);
        }
        Span from = invocation.span(start, start);
        Span to = invocation.span(end, end);
        if (from.line() != to.line()) {
            return invocation.flagSpan(f);
        }
        return new Span(from.line(), from.column(), to.endLine(), to.endColumn());
    }

    /** Where the spaces and tabs just before {@code at} begin. */
    private static int blanksBefore(String text, int at) {
        int i = at;
        while (i > 0 && isBlank(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean restOfLineIsBlank(String text, int from) {
        for (int i = from; i < text.length() && text.charAt(i) != '\n'; i++) {
            if (!isBlank(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
