package dev.bklint.report;

/**
 * {@code --format buildkite}: Markdown for {@code buildkite-agent annotate --context bklint}: a summary line, then a
 * table of findings with their position, severity, rule (linked to its page) and message. Nothing at all when there
 * is no finding, so that a step can annotate only when the file is not empty.
 */
public final class BuildkiteFormatter implements ReportFormatter {
    /** Rows shown at most; an annotation may hold 1 MiB. */
    static final int MAX_ROWS = 1000;

    @Override
    public String format(Report report) {
        if (report.findings().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("**bklint**: ").append(TextFormatter.summary(report.findings(), report.sources().size()))
                .append(" Run `bklint explain BKnnn` for a rule's documentation.\n\n");
        b.append("| Location | Severity | Rule | Message |\n|---|---|---|---|\n");
        int rows = 0;
        for (Finding f : report.findings()) {
            if (rows++ == MAX_ROWS) {
                b.append("\n_").append(report.findings().size() - MAX_ROWS)
                        .append(" more findings are not shown; run bklint locally to see them all._\n");
                break;
            }
            b.append("| ").append(code(f.path() + ":" + f.span().line() + ":" + f.span().column())).append(" | ")
                    .append(f.severity().label()).append(" | [").append(f.rule()).append("](")
                    .append(ProjectLinks.ruleDoc(f.rule())).append(" \"").append(f.name()).append("\") | ")
                    .append(cell(f.message())).append(" |\n");
        }
        return b.toString();
    }

    /** A code span that holds any text: a fence longer than the longest run of backticks inside. */
    static String code(String s) {
        String text = cell(s, true);
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /** A table cell: one line, {@code |} escaped, and HTML escaped outside code spans. */
    static String cell(String s) {
        return cell(s, false);
    }

    private static String cell(String s, boolean inCode) {
        String one = GnuFormatter.oneLine(s).replace("|", "\\|");
        if (inCode) {
            return one;
        }
        StringBuilder b = new StringBuilder();
        boolean code = false;
        for (char c : one.toCharArray()) {
            if (c == '`') {
                code = !code;
                b.append(c);
            } else if (!code && c == '<') {
                b.append("&lt;");
            } else if (!code && c == '>') {
                b.append("&gt;");
            } else if (!code && c == '&') {
                b.append("&amp;");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
