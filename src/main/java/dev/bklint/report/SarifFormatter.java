package dev.bklint.report;

import dev.bklint.text.Surrogates;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Severity;
import dev.bklint.source.ReportPaths;
import dev.bklint.finding.RuleMeta;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code --format sarif}: SARIF 2.1.0 as GitHub code scanning reads it. One run; the driver lists every enabled
 * rule with its documentation; each result has its rule, level, message, exact region (1-based, end column
 * exclusive, UTF-16 code units), a line-independent fingerprint and, where bklint can apply the fix, the edits.
 */
public final class SarifFormatter implements ReportFormatter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SRCROOT = "%SRCROOT%";
    /** {@code runAutomationDetails.id}: the category "bklint" with no run id. */
    public static final String AUTOMATION_ID = "bklint/";
    /** GitHub shows at most 1024 characters of a rule's short and full description. */
    static final int DESCRIPTION_LIMIT = 1024;

    /** Source characters a result quotes at most in a snippet (the span's text, or the code around it). */
    static final int MAX_SNIPPET = 1000;
    static final int CONTEXT_MARGIN = 200;

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    private static final Pattern SOFT_BREAK = Pattern.compile("(?<!\n)\n(?!\n)");

    @Override
    public String format(Report report) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "bklint");
        driver.put("version", report.version());
        if (SEMVER.matcher(report.version()).matches()) {
            driver.put("semanticVersion", report.version());
        }
        if (ProjectLinks.base() != null) {
            driver.put("informationUri", ProjectLinks.base());
        }
        List<Object> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleMeta m : report.rules()) {
            ruleIndex.put(m.id(), rules.size());
            rules.add(rule(m));
        }
        driver.put("rules", rules);
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", AUTOMATION_ID));
        run.put("columnKind", "utf16CodeUnits");
        run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("description",
                Map.of("text", "The repository root: the nearest folder above the working directory with .git."))));
        List<String> fingerprints = Fingerprints.of(report.findings(), report.sources());
        Map<String, SourceFile> sources = new HashMap<>(report.sources());
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            SourceFile source = sources.computeIfAbsent(f.path(), Fingerprints::read);
            results.add(result(report, f, source, ruleIndex, fingerprints.get(i)));
        }
        run.put("results", results);
        log.put("runs", List.of(run));
        return Json.write(log) + "\n";
    }

    static boolean isSecurity(RuleMeta m) {
        return m.security();
    }

    static String level(Severity s) {
        switch (s) {
            case ERROR: return "error";
            case WARNING: return "warning";
            default: return "note";
        }
    }

    static String securitySeverity(Severity s) {
        switch (s) {
            case ERROR: return "8.0";
            case WARNING: return "5.0";
            default: return "3.0";
        }
    }

    private static Map<String, Object> rule(RuleMeta m) {
        String url = ProjectLinks.ruleDoc(m);
        String help = ProjectLinks.ruleHelp(m.id());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.id());
        r.put("name", m.name());
        r.put("shortDescription", Map.of("text", limit(sentence(m.summary()))));
        r.put("fullDescription", Map.of("text", limit(SOFT_BREAK.matcher(m.rationale()).replaceAll(" "))));
        Map<String, Object> helpTexts = new LinkedHashMap<>();
        helpTexts.put("text", m.rationale() + "\n\nFix: " + m.fix() + "\n\nDocumentation: " + help + "\n");
        StringBuilder md = new StringBuilder();
        md.append(m.rationale()).append("\n\n## Fix\n\n").append(m.fix()).append("\n\n");
        if (!m.references().isEmpty()) {
            md.append("## References\n\n");
            for (String ref : m.references()) {
                md.append("- <").append(ref).append(">\n");
            }
            md.append('\n');
        }
        if (url != null) {
            md.append("[").append(m.id()).append(" ").append(m.name()).append("](").append(url).append(")\n");
        } else {
            md.append("`").append(help).append("`\n");
        }
        helpTexts.put("markdown", md.toString());
        r.put("help", helpTexts);
        if (url != null) {
            r.put("helpUri", url);
        }
        r.put("defaultConfiguration", Map.of("level", level(m.severity())));
        Map<String, Object> props = new LinkedHashMap<>();
        Set<String> tags = new LinkedHashSet<>(List.of(m.family()));
        if (isSecurity(m)) {
            tags.add("security");
            props.put("tags", tags);
            props.put("security-severity", securitySeverity(m.severity()));
        } else {
            props.put("tags", tags);
        }
        r.put("properties", props);
        return r;
    }

    private static Map<String, Object> result(Report report, Finding f, SourceFile source,
                                              Map<String, Integer> ruleIndex, String fingerprint) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ruleId", f.rule());
        Integer index = ruleIndex.get(f.rule());
        if (index != null) {
            r.put("ruleIndex", index);
        }
        r.put("level", level(f.severity()));
        r.put("message", Map.of("text", SafeText.visible(f.text())));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("artifactLocation", artifact(report, f.path()));
        Map<String, Object> region = region(f.span());
        if (source != null) {
            String snippet = snippet(source, f.span());
            if (!snippet.isEmpty()) {
                region.put("snippet", Map.of("text", snippet));
            }
            location.put("region", region);
            Map<String, Object> context = context(source, f.span());
            if (context != null) {
                location.put("contextRegion", context);
            }
        } else {
            location.put("region", region);
        }
        r.put("locations", List.of(Map.of("physicalLocation", location)));
        if (!f.uses().isEmpty()) {
            r.put("relatedLocations", uses(report, f));
        }
        Map<String, Object> prints = new LinkedHashMap<>();
        prints.put(Fingerprints.KEY, fingerprint);
        // GitHub matches alerts across commits by this key only; giving it ours keeps an alert when it moves.
        prints.put("primaryLocationLineHash", fingerprint);
        r.put("partialFingerprints", prints);
        if (f.fix() != null && !f.fix().edits().isEmpty()) {
            List<Object> replacements = new ArrayList<>();
            for (Edit e : new LinkedHashSet<>(f.fix().edits())) {
                Map<String, Object> rep = new LinkedHashMap<>();
                rep.put("deletedRegion", region(e.range()));
                rep.put("insertedContent", Map.of("text", e.text()));
                replacements.add(rep);
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("artifactLocation", artifact(report, f.path()));
            change.put("replacements", replacements);
            Map<String, Object> fix = new LinkedHashMap<>();
            fix.put("description", Map.of("text", sentence(SafeText.visible(f.fix().description()))));
            fix.put("artifactChanges", List.of(change));
            // SARIF has no applicability of its own; viewers that apply fixes can read ours here.
            fix.put("properties", Map.of("applicability", f.fix().applicability().label()));
            r.put("fixes", List.of(fix));
        }
        return r;
    }

    /**
     * Where text written once is used through aliases or merge keys, as related locations (GitHub shows 100 of a
     * result and rejects more than 1,000, so at most {@link #MAX_RELATED} are given).
     */
    private static List<Object> uses(Report report, Finding f) {
        List<Object> related = new ArrayList<>();
        for (int i = 0; i < Math.min(f.uses().size(), MAX_RELATED); i++) {
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", artifact(report, f.path()));
            physical.put("region", region(f.uses().get(i)));
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("id", i + 1);
            location.put("physicalLocation", physical);
            location.put("message", Map.of("text", "used here through an alias or merge key"));
            related.add(location);
        }
        return related;
    }

    private static final int MAX_RELATED = 100;

    private static Map<String, Object> artifact(Report report, String path) {
        Map<String, Object> a = new LinkedHashMap<>();
        String relative = report.repositoryPath(path);
        if (relative != null) {
            a.put("uri", ReportPaths.encode(relative));
            a.put("uriBaseId", SRCROOT);
        } else {
            a.put("uri", ReportPaths.fileUri(path, report.cwd()));
        }
        return a;
    }

    private static Map<String, Object> region(Span s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startLine", Math.max(1, s.line()));
        m.put("startColumn", Math.max(1, s.column()));
        m.put("endLine", Math.max(1, s.endLine()));
        m.put("endColumn", Math.max(1, s.endColumn()));
        return m;
    }

    /** The span's text, or "" when it is empty or longer than {@link #MAX_SNIPPET}. */
    private static String snippet(SourceFile source, Span s) {
        int start = source.offset(s.line(), s.column());
        int end = source.offset(s.endLine(), s.endColumn());
        return end > start && end - start <= MAX_SNIPPET ? source.text().substring(start, end) : "";
    }

    /**
     * Some code around the finding, for viewers that show it: the whole lines of the span when they are short,
     * else up to {@link #CONTEXT_MARGIN} characters either side of the span on its lines, else (a span longer than
     * {@link #MAX_SNIPPET}) null. A long line quoted in every finding would make the report grow with the line
     * times the findings.
     */
    private static Map<String, Object> context(SourceFile source, Span s) {
        int firstLine = Math.max(1, s.line());
        int lastLine = Math.max(firstLine, s.endLine());
        int lineStart = source.offset(firstLine, 1);
        int lineEnd = source.offset(lastLine, 1) + source.line(lastLine).length();
        Map<String, Object> m = new LinkedHashMap<>();
        if (lineEnd - lineStart <= MAX_SNIPPET) {
            m.put("startLine", firstLine);
            m.put("endLine", lastLine);
            StringBuilder text = new StringBuilder();
            for (int line = firstLine; line <= lastLine; line++) {
                text.append(source.line(line)).append('\n');
            }
            m.put("snippet", Map.of("text", text.toString()));
            return m;
        }
        int start = Math.max(lineStart, source.offset(s.line(), s.column()));
        int end = Math.min(lineEnd, Math.max(start, source.offset(s.endLine(), s.endColumn())));
        if (end - start > MAX_SNIPPET) {
            return null;
        }
        int from = Surrogates.pairStart(source.text(), Math.max(lineStart, start - CONTEXT_MARGIN));
        int to = Surrogates.pairStart(source.text(), Math.min(lineEnd, end + CONTEXT_MARGIN));
        m.put("startLine", source.lineOf(from));
        m.put("startColumn", source.columnOf(from));
        m.put("endLine", source.lineOf(to));
        m.put("endColumn", source.columnOf(to));
        m.put("snippet", Map.of("text", source.text().substring(from, to)));
        return m;
    }

    /** Ends with a full stop, as SARIF asks of plain-text messages. */
    static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    static String limit(String s) {
        if (s.length() <= DESCRIPTION_LIMIT) {
            return s;
        }
        int cut = s.lastIndexOf(' ', DESCRIPTION_LIMIT - 1);
        return s.substring(0, cut > 0 ? cut : DESCRIPTION_LIMIT - 1) + "\u2026";
    }
}
