package dev.bklint.report;

import dev.bklint.finding.Applicability;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.List;
import java.util.Map;
import org.fusesource.jansi.Ansi;

/**
 * The default, human output: {@code path:line:col: severity[BKnnn name] headline}, the source line with a caret
 * span under the offending text, why it matters, the fix, and a summary line. Text from the pipeline is shown through
 * {@link SafeText}, and a source line through a {@link SourceWindow}.
 */
public final class TextFormatter {
    private final boolean color;
    /** One line per finding, without the source line and the fix: for editors' quickfix lists and pre-commit. */
    private final boolean concise;

    public TextFormatter(boolean color) {
        this(color, false);
    }

    public TextFormatter(boolean color, boolean concise) {
        this.color = color;
        this.concise = concise;
    }

    public String format(List<Finding> findings, Map<String, SourceFile> sources, int files) {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            finding(b, f, sources.get(f.path()));
        }
        b.append(summary(findings, files)).append('\n');
        String fixable = fixable(findings);
        if (!fixable.isEmpty()) {
            b.append(fixable).append('\n');
        }
        return b.toString();
    }

    private void finding(StringBuilder b, Finding f, SourceFile source) {
        Span s = f.span();
        // A path is the only text a line starts with that the pipeline's author chooses (a file may be named
        // "::error ..."): ./ keeps it from being read as a workflow command.
        String where = SafeText.atLineStart(f.path()) + ":" + s.line() + ":" + s.column() + ":";
        b.append(bold(where)).append(' ').append(severity(f.severity()))
                .append(paint("[" + f.rule() + " " + f.name() + "]", Ansi.Color.DEFAULT, true)).append(' ')
                .append(f.fix() != null && f.fix().applicability() == Applicability.SAFE ? "[*] " : "")
                .append(SafeText.visible(f.message())).append('\n');
        if (concise) {
            return;
        }
        if (source != null && s.line() <= source.lineCount()) {
            String line = source.line(s.line());
            int end = s.endLine() == s.line() ? Math.max(s.column() + 1, s.endColumn()) : line.length() + 2;
            SourceWindow window = SourceWindow.of(line, s.column(), end);
            String number = String.valueOf(s.line());
            b.append(dim(" " + number + " | ")).append(window.text()).append('\n');
            b.append(dim(" ".repeat(number.length() + 2) + "| ")).append(" ".repeat(window.caretColumn()))
                    .append(paint("^".repeat(window.caretWidth()), colorOf(f.severity()), true));
            if (s.endLine() > s.line()) {
                b.append(dim(" (to line " + s.endLine() + ")"));
            }
            b.append('\n');
        }
        if (!f.why().isEmpty()) {
            b.append(paint("  why: ", Ansi.Color.DEFAULT, true)).append(SafeText.visible(f.why())).append('\n');
        }
        if (f.fix() != null) {
            String label = f.fix().applicability() == Applicability.UNSAFE ? "  fix (unsafe): " : "  fix: ";
            b.append(paint(label, Ansi.Color.GREEN, true)).append(SafeText.visible(f.fix().description()))
                    .append('\n');
            if (f.fix().snippet() != null && !f.fix().snippet().isBlank()) {
                for (String l : SafeText.visibleLines(f.fix().snippet()).split("\n")) {
                    b.append(dim("     | ")).append(paint(l, Ansi.Color.GREEN, false)).append('\n');
                }
            }
        }
    }

    /**
     * ruff's closing hint: how many findings {@code --fix} would repair, and how many more need
     * {@code --unsafe-fixes}; empty when none has edits.
     */
    public static String fixable(List<Finding> findings) {
        long safe = findings.stream().filter(f -> f.fix() != null && f.fix().applicability() == Applicability.SAFE)
                .count();
        long unsafe = findings.stream().filter(f -> f.fix() != null
                && f.fix().applicability() == Applicability.UNSAFE).count();
        if (safe == 0 && unsafe == 0) {
            return "";
        }
        String more = unsafe == 0 ? "" : " (" + unsafe + " more with `--fix --unsafe-fixes`)";
        return "[*] " + safe + " fixable with `bklint --fix`" + more + ".";
    }

    public static String summary(List<Finding> findings, int files) {
        String inFiles = " in " + files + (files == 1 ? " file" : " files");
        if (findings.isEmpty()) {
            return "No findings" + inFiles + ".";
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long infos = findings.size() - errors - warnings;
        return findings.size() + (findings.size() == 1 ? " finding" : " findings") + inFiles + ": "
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning, " : " warnings, ") + infos + " info.";
    }

    private String severity(Severity s) {
        return paint(s.label(), colorOf(s), true);
    }

    private static Ansi.Color colorOf(Severity s) {
        switch (s) {
            case ERROR: return Ansi.Color.RED;
            case WARNING: return Ansi.Color.YELLOW;
            default: return Ansi.Color.BLUE;
        }
    }

    private String bold(String text) {
        return color ? Ansi.ansi().bold().a(text).reset().toString() : text;
    }

    private String dim(String text) {
        return color ? Ansi.ansi().fgBrightBlack().a(text).reset().toString() : text;
    }

    private String paint(String text, Ansi.Color c, boolean bold) {
        if (!color) {
            return text;
        }
        Ansi a = Ansi.ansi();
        if (bold) {
            a = a.bold();
        }
        return (c == Ansi.Color.DEFAULT ? a : a.fg(c)).a(text).reset().toString();
    }
}
