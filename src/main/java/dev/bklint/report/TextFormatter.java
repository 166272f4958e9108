package dev.bklint.report;

import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.List;
import java.util.Map;
import org.fusesource.jansi.Ansi;

/**
 * The default, human output: {@code path:line:col: severity[BKnnn name] message}, the source line with a caret
 * span under the offending text, the fix, and a summary line.
 */
public final class TextFormatter {
    private static final int MAX_WIDTH = 160;
    private final boolean color;

    public TextFormatter(boolean color) {
        this.color = color;
    }

    public String format(List<Finding> findings, Map<String, SourceFile> sources, int files) {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            finding(b, f, sources.get(f.path()));
        }
        b.append(summary(findings, files)).append('\n');
        return b.toString();
    }

    private void finding(StringBuilder b, Finding f, SourceFile source) {
        Span s = f.span();
        b.append(bold(f.path() + ":" + s.line() + ":" + s.column() + ":")).append(' ')
                .append(severity(f.severity())).append(paint("[" + f.rule() + " " + f.name() + "]", Ansi.Color.DEFAULT,
                        true)).append(' ').append(f.message()).append('\n');
        if (source != null && s.line() <= source.lineCount()) {
            String line = source.line(s.line()).replace('\t', ' ');
            String number = String.valueOf(s.line());
            String gutter = " ".repeat(number.length() + 2);
            int start = Math.max(1, s.column());
            int end = s.endLine() == s.line() ? Math.max(start + 1, s.endColumn()) : Math.max(start + 1, line.length() + 1);
            if (line.length() > MAX_WIDTH) {
                // A huge line (generated YAML, a 1 MB key) is shown as a window around the span.
                int from = Math.max(0, Math.min(start - 1 - MAX_WIDTH / 4, line.length() - MAX_WIDTH));
                int to = Math.min(line.length(), from + MAX_WIDTH);
                line = (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
                int shift = from - (from > 0 ? 1 : 0);
                start = Math.max(1, start - shift);
                end = Math.max(start + 1, Math.min(end - shift, line.length() + 1));
            }
            b.append(dim(" " + number + " | ")).append(line).append('\n');
            b.append(dim(gutter + "| ")).append(" ".repeat(Math.min(start - 1, line.length())))
                    .append(paint("^".repeat(Math.max(1, end - start)), colorOf(f.severity()), true));
            if (s.endLine() > s.line()) {
                b.append(dim(" (to line " + s.endLine() + ")"));
            }
            b.append('\n');
        }
        if (f.fix() != null) {
            b.append(paint("  fix: ", Ansi.Color.GREEN, true)).append(f.fix().description()).append('\n');
            if (f.fix().snippet() != null && !f.fix().snippet().isBlank()) {
                for (String l : f.fix().snippet().split("\n")) {
                    b.append(dim("     | ")).append(paint(l, Ansi.Color.GREEN, false)).append('\n');
                }
            }
        }
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
