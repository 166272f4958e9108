package dev.bklint.report;

import dev.bklint.finding.Finding;
/**
 * {@code --format checkstyle}: Checkstyle's XML report (version 4.3), which Jenkins' Warnings NG plugin, reviewdog
 * and other code-review bots read. Every file linted has a {@code <file>}, clean ones empty. Paths and messages are
 * shown through {@link SafeText}.
 */
public final class CheckstyleFormatter implements ReportFormatter {
    @Override
    public String format(Report report) {
        StringBuilder b = new StringBuilder(Xml.DECLARATION);
        b.append("<checkstyle version=\"4.3\">\n");
        for (String path : report.paths()) {
            b.append("  <file name=\"").append(Xml.attr(SafeText.visible(path))).append('"');
            var findings = report.findingsIn(path);
            if (findings.isEmpty()) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            for (Finding f : findings) {
                b.append("    <error line=\"").append(f.span().line()).append("\" column=\"").append(f.span().column())
                        .append("\" severity=\"").append(f.severity().label()).append("\" message=\"")
                        .append(Xml.attr(SafeText.visible(f.text()))).append("\" source=\"bklint.").append(Xml.attr(f.rule()))
                        .append("\"/>\n");
            }
            b.append("  </file>\n");
        }
        b.append("</checkstyle>\n");
        return b.toString();
    }
}
