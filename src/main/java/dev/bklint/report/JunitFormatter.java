package dev.bklint.report;

import dev.bklint.finding.ReportLimits;
import dev.bklint.finding.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format junit}: JUnit XML, which Buildkite Test Engine, GitLab, Jenkins, CircleCI and Azure Pipelines
 * show as test results. One {@code <testsuite>} per file, named by its path; in it one {@code <testcase>} per
 * finding, or a single passing {@code no findings} testcase for a clean file so that a clean run still shows
 * tests.
 *
 * <p>A finding at or above {@code --fail-on} is a {@code <failure type="severity">}; one below it (an info finding
 * under the default {@code --fail-on warning}) is {@code <skipped>}, so that the report agrees with the exit
 * status. A testcase is named by the rule and the YAML path of the finding, not its line, so the same finding keeps
 * its name (and its history in Test Engine) when lines move; the failure body gives the position.
 */
public final class JunitFormatter implements ReportFormatter {
    static final String CLEAN = "no findings";
    /** Characters of a YAML path a testcase name quotes at most. */
    static final int MAX_NAME = 200;

    @Override
    public String format(Report report) {
        List<Fingerprints.Context> contexts = Fingerprints.contexts(report.findings(), report.sources());
        Map<Finding, Fingerprints.Context> contextOf = new HashMap<>();
        for (int i = 0; i < contexts.size(); i++) {
            contextOf.put(report.findings().get(i), contexts.get(i));
        }
        List<String> paths = report.paths();
        long failures = report.findings().stream().filter(report::fails).count();
        long skipped = report.findings().size() - failures;
        long tests = 0;
        for (String p : paths) {
            tests += Math.max(1, report.findingsIn(p).size());
        }
        StringBuilder b = new StringBuilder(Xml.DECLARATION);
        b.append("<testsuites name=\"bklint\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"0\">\n");
        for (String path : paths) {
            List<Finding> findings = report.findingsIn(path);
            long fileFailures = findings.stream().filter(report::fails).count();
            String file = Xml.attr(SafeText.visible(path));
            b.append("  <testsuite name=\"").append(file).append("\" tests=\"").append(Math.max(1, findings.size()))
                    .append("\" failures=\"").append(fileFailures).append("\" errors=\"0\" skipped=\"")
                    .append(findings.size() - fileFailures).append("\" time=\"0\">\n");
            if (findings.isEmpty()) {
                b.append("    <testcase name=\"").append(CLEAN).append("\" classname=\"").append(file)
                        .append("\" file=\"").append(file).append("\" time=\"0\"/>\n");
            }
            Map<String, Integer> names = new HashMap<>();
            for (Finding f : findings) {
                String name = name(f, contextOf.get(f));
                int n = names.merge(name, 1, Integer::sum);
                if (n > 1) {
                    name = name + " (" + n + ")";
                }
                b.append("    <testcase name=\"").append(Xml.attr(name)).append("\" classname=\"").append(file)
                        .append("\" file=\"").append(file).append("\" line=\"").append(f.span().line())
                        .append("\" time=\"0\">\n");
                String message = f.severity().label() + ": " + SafeText.visible(f.message());
                if (report.fails(f)) {
                    b.append("      <failure message=\"").append(Xml.attr(message)).append("\" type=\"")
                            .append(f.severity().label()).append("\">").append(Xml.text(body(f)))
                            .append("</failure>\n");
                } else {
                    b.append("      <skipped message=\"").append(Xml.attr(message)).append("\"/>\n");
                }
                b.append("    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        }
        b.append("</testsuites>\n");
        return b.toString();
    }

    private static String name(Finding f, Fingerprints.Context context) {
        String base = f.rule() + " " + f.name();
        String path = context == null ? "" : context.yamlPath();
        if (path.startsWith("$.")) {
            path = path.substring(2);
        }
        // the YAML path names keys the pipeline's author wrote: any length, any character
        return path.isEmpty() || path.equals("$") ? base
                : base + " at " + SafeText.visible(ReportLimits.shorten(path, MAX_NAME));
    }

    private static String body(Finding f) {
        StringBuilder b = new StringBuilder();
        b.append(SafeText.visible(f.path())).append(':').append(f.span().line()).append(':').append(f.span().column()).append(": ")
                .append(f.severity().label()).append('[').append(f.rule()).append(' ').append(f.name()).append("] ")
                .append(SafeText.visible(f.message())).append('\n');
        if (!f.why().isEmpty()) {
            b.append("why: ").append(SafeText.visible(f.why())).append('\n');
        }
        if (f.fix() != null) {
            b.append("fix: ").append(SafeText.visible(f.fix().description())).append('\n');
            String snippet = SafeText.visibleLines(f.fix().snippet());
            if (snippet != null && !snippet.isBlank()) {
                b.append(snippet.endsWith("\n") ? snippet : snippet + "\n");
            }
        }
        b.append("docs: ").append(ProjectLinks.ruleHelp(f.rule())).append('\n');
        return b.toString();
    }
}
