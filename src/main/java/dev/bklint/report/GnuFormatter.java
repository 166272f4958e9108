package dev.bklint.report;

import dev.bklint.finding.Finding;
/**
 * {@code --format gnu}: {@code path:line:col: severity: headline [BKnnn]}, one line per finding, for the error
 * parsers of editors (vim's quickfix, Emacs' compilation mode); the why and the fix are in the text format. Nothing at all when there is no finding. Paths
 * and messages are shown through {@link SafeText}, so each finding stays one line.
 */
public final class GnuFormatter implements ReportFormatter {
    @Override
    public String format(Report report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append(SafeText.atLineStart(f.path())).append(':').append(f.span().line()).append(':')
                    .append(f.span().column()).append(": ").append(f.severity().label()).append(": ").append(SafeText.visible(f.message())).append(" [")
                    .append(f.rule()).append("]\n");
        }
        return b.toString();
    }
}
