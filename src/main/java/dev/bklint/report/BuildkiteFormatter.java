package dev.bklint.report;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import java.nio.charset.StandardCharsets;
/**
 * {@code --format buildkite}: Markdown for {@code buildkite-agent annotate --context bklint}: a summary line, then a
 * table of findings with their position, severity, rule (linked to its page) and message. Nothing at all when there
 * is no finding, so that a step can annotate only when the file is not empty.
 */
public final class BuildkiteFormatter implements ReportFormatter {
    /** Rows shown at most: every finding a file may report, with the one that counts the rest (BK000). */
    static final int MAX_ROWS = Options.MAX_FINDINGS + 1;
    /** Bytes of table at most: an annotation may hold 1 MiB, and the note after the table needs a little room. */
    static final int MAX_BYTES = 1_000_000;

    @Override
    public String format(Report report) {
        if (report.findings().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("**bklint**: ").append(TextFormatter.summary(report.findings(), report.sources().size()))
                .append(" Run `bklint explain BKnnn` for a rule's documentation.\n\n");
        b.append("| Location | Severity | Rule | Message |\n|---|---|---|---|\n");
        int bytes = b.length();
        int rows = 0;
        for (Finding f : report.findings()) {
            // headline and why escaped apart: an unmatched backtick in one cannot open a code span in the other
            String row = "| " + code(f.path() + ":" + f.span().line() + ":" + f.span().column()) + " | "
                    + f.severity().label() + " | " + rule(f) + " | " + Finding.joined(cell(f.message()), cell(f.why())) + " |\n";
            int rowBytes = row.getBytes(StandardCharsets.UTF_8).length;
            if (rows == MAX_ROWS || bytes + rowBytes > MAX_BYTES) {
                b.append("\n_").append(report.findings().size() - rows)
                        .append(" more findings are not shown; run bklint locally to see them all._\n");
                break;
            }
            b.append(row);
            bytes += rowBytes;
            rows++;
        }
        return b.toString();
    }

    /** The rule linked to its page. */
    private static String rule(Finding f) {
        String url = ProjectLinks.ruleDoc(f.rule());
        return url != null ? "[" + f.rule() + "](" + url + " \"" + f.name() + "\")"
                : f.rule() + " (`bklint explain " + f.rule() + "`)";
    }

    /** A code span that holds any text: a fence longer than the longest run of backticks inside. */
    public static String code(String s) {
        String text = SafeText.visible(s).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /**
     * A table cell: one line ({@link SafeText}), {@code |} escaped everywhere, and outside code spans everything
     * Markdown or HTML would act on escaped: {@code < > &} as entities, {@code \ [ ]} and a backtick run that
     * opens no code span with a backslash. So a message keeps its code spans, and a value quoted in it (which
     * the pipeline's author wrote) cannot become a link, an image or HTML. Code spans are found as CommonMark
     * finds them: a run of n backticks up to the next run of exactly n.
     */
    public static String cell(String s) {
        String text = SafeText.visible(s);
        StringBuilder b = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                int run = runOfBackticks(text, i);
                int close = closingRun(text, i + run, run);
                if (close < 0) {
                    b.append("\\`".repeat(run));
                    i += run;
                } else {
                    // a | inside a code span would still end the table cell
                    b.append(text.substring(i, close + run).replace("|", "\\|"));
                    i = close + run;
                }
                continue;
            }
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '|': b.append("\\|"); break;
                case '\\': case '[': case ']': b.append('\\').append(c); break;
                default: b.append(c);
            }
            i++;
        }
        return b.toString();
    }

    private static int runOfBackticks(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == '`') {
            i++;
        }
        return i - from;
    }

    /** Where the next run of exactly {@code length} backticks at or after {@code from} starts; -1 if none. */
    private static int closingRun(String s, int from, int length) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int run = runOfBackticks(s, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }
}
