package dev.bklint.diagnose;

import dev.bklint.finding.Finding;
import dev.bklint.report.BuildkiteFormatter;
import dev.bklint.report.Json;
import dev.bklint.report.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of {@code bklint diagnose} for each log, written as text (in lint's style) or JSON. */
public final class DiagnoseReport {
    /** Printed when no known cause matched: how to get a log with more detail. */
    static final String HINT = "hint: rerun the build with --progress=plain, and put --debug before build "
            + "(buildctl-daemonless.sh --debug build ...) for the daemon's side; global flags after build are "
            + "rejected.";

    private DiagnoseReport() {
    }

    /**
     * One incident's diagnosis; {@code path} names its inputs, {@code pipelinePath} is the --pipeline file,
     * {@code finding} the rule's finding there. {@code confidence} (low, medium, high) and {@code pipelineLink} (the
     * step, container and field the cause points at, as JSON fields) are filled by the pipeline link; null when
     * nothing rated or linked it.
     */
    public record Result(String path, Diagnoser.Diagnosis diagnosis, String pipelinePath, Finding finding,
                         String confidence, Map<String, Object> pipelineLink) {
        public Result(String path, Diagnoser.Diagnosis diagnosis, String pipelinePath, Finding finding) {
            this(path, diagnosis, pipelinePath, finding, null, null);
        }
    }

    /** Whether every log had a known cause. */
    public static boolean allKnown(List<Result> results) {
        return results.stream().allMatch(r -> r.diagnosis().headline() != null);
    }

    public static String text(List<Result> results) {
        StringBuilder b = new StringBuilder();
        for (Result r : results) {
            Diagnoser.Match m = r.diagnosis().headline();
            if (m == null) {
                unknown(b, r);
                continue;
            }
            Cause c = m.cause();
            line(b, where(m) + " cause[" + c.id() + "] " + c.title());
            String number = String.valueOf(m.line().number());
            b.append(' ').append(number).append(" | ").append(SafeText.visible(m.line().text())).append('\n');
            line(b, "  site: " + m.site() + " (" + m.section().yamlName() + ")"
                    + (m.corroborated() ? "; corroborated by evidence in the same site" : "")
                    + (r.confidence() == null ? "" : "; confidence " + r.confidence()));
            if (!m.superseded().isEmpty()) {
                line(b, "  supersedes: " + String.join(", ", m.superseded()));
            }
            line(b, "  why: " + prose(c.why()));
            if (!c.note().isEmpty()) {
                line(b, "  note: " + prose(c.note()));
            }
            line(b, "  fix: " + prose(c.fix()));
            for (String code : code(c.fix())) {
                line(b, "     | " + code);
            }
            line(b, "  sources: " + String.join(", ", c.sources()));
            if (r.finding() != null) {
                Finding f = r.finding();
                line(b, "  pipeline: " + f.path() + ":" + f.span().line() + ":" + f.span().column() + " \u2014 "
                        + f.rule() + " would have caught this: " + f.message());
            } else if (r.pipelinePath() != null && c.hasRule()) {
                line(b, "  pipeline: " + c.rule() + " does not fire on " + r.pipelinePath());
            }
            for (Diagnoser.Match also : r.diagnosis().also()) {
                line(b, "  also failed: " + where(also) + " cause[" + also.cause().id() + "] " + also.cause().title()
                        + " (site: " + also.site() + ")");
            }
            for (Diagnoser.Match rel : r.diagnosis().related()) {
                line(b, "  related: " + where(rel) + " cause[" + rel.cause().id() + "] " + rel.cause().title()
                        + " (site: " + rel.site() + ")");
            }
        }
        return b.toString();
    }

    /**
     * {@code --format buildkite}: a Markdown annotation body for {@code buildkite-agent annotate}, one row per log,
     * escaped as lint's Buildkite format escapes its cells (a log line cannot become a link, an image or HTML).
     */
    public static String buildkite(List<Result> results) {
        long known = results.stream().filter(r -> r.diagnosis().headline() != null).count();
        StringBuilder b = new StringBuilder("**bklint diagnose**: ").append(known).append(" of ").append(results.size())
                .append(results.size() == 1 ? " log" : " logs").append(" with a known cause. Run `bklint explain "
                        + "<cause>` for its documentation.\n\n");
        b.append("| Log line | Cause | Why | Fix | Pipeline |\n|---|---|---|---|---|\n");
        for (Result r : results) {
            Diagnoser.Match m = r.diagnosis().headline();
            if (m == null) {
                b.append("| ").append(BuildkiteFormatter.code(r.path())).append(" | no known cause | | ")
                        .append(BuildkiteFormatter.cell(HINT)).append(" | |\n");
                continue;
            }
            Cause c = m.cause();
            String pipeline = r.finding() == null ? ""
                    : BuildkiteFormatter.code(r.finding().path() + ":" + r.finding().span().line() + ":"
                            + r.finding().span().column()) + " (" + r.finding().rule() + ")";
            b.append("| ").append(BuildkiteFormatter.code(m.line().path() + ":" + m.line().number())).append("<br>")
                    .append(BuildkiteFormatter.code(m.line().text())).append(" | **")
                    .append(BuildkiteFormatter.cell(c.id())).append("**: ").append(BuildkiteFormatter.cell(c.title()));
            for (Diagnoser.Match also : r.diagnosis().also()) {
                b.append("<br>also failed: ").append(BuildkiteFormatter.code(also.line().path() + ":"
                        + also.line().number())).append(" **").append(BuildkiteFormatter.cell(also.cause().id()))
                        .append("**");
            }
            b.append(" | ").append(BuildkiteFormatter.cell(prose(c.why()))).append(" | ")
                    .append(BuildkiteFormatter.cell(prose(c.fix()))).append(" | ").append(pipeline).append(" |\n");
        }
        return b.toString();
    }

    private static void unknown(StringBuilder b, Result r) {
        line(b, r.path() + ": no known cause matched");
        if (!r.diagnosis().errorLines().isEmpty()) {
            line(b, "  last lines that look like errors:");
            for (LogLine l : r.diagnosis().errorLines()) {
                b.append(' ').append(l.number()).append(" | ").append(SafeText.visible(l.text())).append('\n');
            }
        }
        line(b, "  " + HINT);
    }

    private static String where(Diagnoser.Match m) {
        return m.line().path() + ":" + m.line().number() + ":";
    }

    private static void line(StringBuilder b, String text) {
        b.append(SafeText.atLineStart(SafeText.visible(text))).append('\n');
    }

    /** A why or fix as one paragraph: its prose lines joined, code left out. */
    static String prose(String text) {
        List<String> words = new ArrayList<>();
        split(text, words, new ArrayList<>());
        return String.join(" ", words);
    }

    /** The code lines of a fix, without their indent or fence. */
    static List<String> code(String text) {
        List<String> lines = new ArrayList<>();
        split(text, new ArrayList<>(), lines);
        return lines;
    }

    /**
     * Sorts a text's lines into prose and code. Code is what a cause file indents by four spaces, or what a rule's
     * Markdown puts between {@code ```} fences (a cause with a rule shows the rule's fix).
     */
    private static void split(String text, List<String> prose, List<String> code) {
        boolean fenced = false;
        for (String l : text.split("\n", -1)) {
            if (l.strip().startsWith("```")) {
                fenced = !fenced;
            } else if (fenced) {
                code.add(l);
            } else if (l.startsWith("    ")) {
                code.add(l.substring(4));
            } else if (!l.isBlank()) {
                prose.add(l.strip());
            }
        }
    }

    public static String json(List<Result> results, String version) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "bklint");
        tool.put("version", version);
        root.put("tool", tool);
        List<Object> causes = new ArrayList<>();
        List<Object> unknown = new ArrayList<>();
        for (Result r : results) {
            Diagnoser.Match m = r.diagnosis().headline();
            if (m == null) {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("path", r.path());
                List<Object> lines = new ArrayList<>();
                for (LogLine l : r.diagnosis().errorLines()) {
                    lines.add(logLine(l));
                }
                u.put("errorLines", lines);
                unknown.add(u);
                continue;
            }
            Map<String, Object> o = match(m);
            o.put("confidence", r.confidence());
            Map<String, Object> pipeline = r.pipelineLink();
            if (pipeline == null && r.finding() != null) {
                pipeline = new LinkedHashMap<>();
                pipeline.put("path", r.finding().path());
                pipeline.put("line", r.finding().span().line());
                pipeline.put("column", r.finding().span().column());
            }
            o.put("pipeline", pipeline);
            Cause c = m.cause();
            o.put("why", prose(c.why()));
            o.put("note", prose(c.note()));
            o.put("fix", c.fix());
            o.put("sources", c.sources());
            o.put("also", r.diagnosis().also().stream().map(a -> (Object) match(a)).toList());
            o.put("related", r.diagnosis().related().stream().map(a -> (Object) match(a)).toList());
            causes.add(o);
        }
        root.put("causes", causes);
        root.put("unknown", unknown);
        return Json.write(root) + "\n";
    }

    /** What every reported match says: the cause, its log line, its failure site and what it superseded there. */
    private static Map<String, Object> match(Diagnoser.Match m) {
        Cause c = m.cause();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", c.id());
        o.put("title", c.title());
        o.put("role", c.role());
        o.put("rule", c.rule());
        o.put("log", logLine(m.line()));
        o.put("site", m.site());
        o.put("section", m.section().yamlName());
        o.put("corroborated", m.corroborated());
        o.put("superseded", m.superseded());
        return o;
    }

    private static Map<String, Object> logLine(LogLine l) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("path", l.path());
        log.put("line", l.number());
        log.put("text", l.text());
        return log;
    }
}
