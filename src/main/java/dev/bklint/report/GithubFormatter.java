package dev.bklint.report;

import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.source.Span;

/**
 * {@code --format github}: GitHub Actions workflow commands, one per finding, which GitHub shows as annotations
 * on the run and on the pull request's changed lines: {@code ::error file=PATH,line=L,col=C,endLine=EL,
 * endColumn=EC,title=BKnnn name::message} ({@code ::warning} for warnings, {@code ::notice} for info).
 *
 * <p>Paths are relative to the repository root, as GitHub resolves them. GitHub takes columns only on a one-line
 * span and its end column is the last character (inclusive), so a span over several lines gives lines only.
 */
public final class GithubFormatter implements ReportFormatter {
    @Override
    public String format(Report report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            String path = report.repositoryPath(f.path());
            Span s = f.span();
            b.append("::").append(command(f.severity())).append(" file=")
                    .append(property(path != null ? path : f.path().replace('\\', '/')))
                    .append(",line=").append(s.line());
            if (s.endLine() == s.line()) {
                b.append(",col=").append(s.column()).append(",endLine=").append(s.endLine())
                        .append(",endColumn=").append(Math.max(s.column(), s.endColumn() - 1));
            } else {
                b.append(",endLine=").append(s.endLine());
            }
            b.append(",title=").append(property(f.rule() + " " + f.name())).append("::").append(data(f.text()))
                    .append('\n');
        }
        return b.toString();
    }

    static String command(Severity s) {
        switch (s) {
            case ERROR: return "error";
            case WARNING: return "warning";
            default: return "notice";
        }
    }

    /**
     * A message as the runner reads it back: unsafe characters shown as {@link SafeText} escapes (the annotation and
     * the log are read by people; a raw ESC would colour the log view), then {@code %} escaped as the runner
     * unescapes it. {@link SafeText#visible} leaves no CR or LF (which the runner would read as {@code %0D} and
     * {@code %0A}), so a message cannot end the command early.
     */
    static String data(String s) {
        return SafeText.visible(s).replace("%", "%25");
    }

    /** Escapes a property value: as {@link #data}, and also {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
