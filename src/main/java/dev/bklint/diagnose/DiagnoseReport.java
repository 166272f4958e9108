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
     * One incident's diagnosis; {@code path} names its inputs. {@code link} is where the headline cause is in the
     * pipeline the job ran (null when no pipeline was given or found), {@code rating} how sure the headline is
     * (null when nothing matched).
     */
    public record Result(String path, Diagnoser.Diagnosis diagnosis, PipelineLink.Result link,
                         Confidence.Rating rating) {
        /** The headline cause's rule firing on the step that ran, or null. */
        public Finding finding() {
            return link == null || link.link() == null ? null : link.link().finding();
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
            line(b, where(m) + " cause[" + c.id() + (r.rating() == null ? "" : ", " + r.rating().level()) + "] "
                    + c.title());
            String number = String.valueOf(m.line().number());
            b.append(' ').append(number).append(" | ").append(SafeText.visible(m.line().text())).append('\n');
            line(b, "  site: " + m.site() + " (" + m.section().yamlName() + ")"
                    + (m.corroborated() ? "; corroborated by evidence in the same site" : ""));
            if (r.rating() != null) {
                line(b, "  confidence: " + r.rating().level() + ": " + r.rating().reason());
            }
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
            pipeline(b, r);
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
        // The inputs of one run are one incident (a job log with the kubectl output of the same job).
        StringBuilder b = new StringBuilder("**bklint diagnose**: ").append(known == results.size()
                ? "a known cause found" : "no known cause found").append(". Run `bklint explain <cause>` for its "
                + "documentation.\n\n");
        b.append("| Log line | Cause | Why | Fix | Pipeline |\n|---|---|---|---|---|\n");
        for (Result r : results) {
            Diagnoser.Match m = r.diagnosis().headline();
            if (m == null) {
                b.append("| ").append(BuildkiteFormatter.code(r.path())).append(" | no known cause | | ")
                        .append(BuildkiteFormatter.cell(HINT)).append(" | |\n");
                continue;
            }
            Cause c = m.cause();
            PipelineLink.Link l = r.link() == null ? null : r.link().link();
            String pipeline = l == null ? "" : BuildkiteFormatter.code(l.path() + ":" + l.line() + ":" + l.column())
                    + (l.finding() != null ? " (" + l.finding().rule() + ")" : l.field() != null
                            ? " " + BuildkiteFormatter.code(l.field()) + (l.fieldMissing() ? " missing" : "") : "");
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

    /**
     * Where the cause is in the pipeline: the rule's finding with its fix, else the field the cause is about (or
     * where it must be added), else why no step could be chosen.
     */
    private static void pipeline(StringBuilder b, Result r) {
        if (r.link() == null) {
            return;
        }
        PipelineLink.Link l = r.link().link();
        if (l == null) {
            line(b, "  pipeline: no step chosen: " + r.link().reason()
                    + (r.link().candidates().isEmpty() ? "" : " (candidates: " + String.join(", ",
                            r.link().candidates()) + ")"));
            return;
        }
        String step = "step " + quoted(l.stepLabel(), l.stepKey()) + (l.container() == null ? ""
                : ", container `" + l.container() + "`") + "; found by " + l.how();
        String at = l.path() + ":" + l.line() + ":" + l.column();
        Finding f = l.finding();
        if (f != null) {
            line(b, "  pipeline: " + at + " (" + step + ") \u2014 " + f.rule() + " would have caught this: "
                    + f.message());
            if (f.fix() != null) {
                line(b, "  pipeline fix: " + f.fix().description());
                if (f.fix().snippet() != null) {
                    for (String code : f.fix().snippet().split("\n", -1)) {
                        if (!code.isBlank()) {
                            line(b, "     | " + code);
                        }
                    }
                }
            }
        } else if (l.field() != null) {
            line(b, "  pipeline: " + at + " (" + step + ") \u2014 " + (l.fieldMissing()
                    ? "`" + l.field() + "` is not set; add it here" : "`" + l.field() + "` is set here"));
        } else {
            line(b, "  pipeline: " + at + " (" + step + ")");
        }
    }

    private static String quoted(String label, String key) {
        if (label != null && !label.isEmpty()) {
            return "\"" + label + "\"";
        }
        return key != null ? "`" + key + "`" : "(unnamed)";
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
            o.put("confidence", r.rating() == null ? null : r.rating().level());
            o.put("confidenceReason", r.rating() == null ? null : r.rating().reason());
            o.put("pipeline", pipelineJson(r.link()));
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

    /** The pipeline link as JSON: where, which step and container, how it was found, and the rule's finding. */
    private static Map<String, Object> pipelineJson(PipelineLink.Result link) {
        if (link == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        PipelineLink.Link l = link.link();
        if (l == null) {
            o.put("reason", link.reason());
            o.put("candidates", link.candidates());
            return o;
        }
        o.put("path", l.path());
        o.put("line", l.line());
        o.put("column", l.column());
        o.put("step", l.stepLabel());
        o.put("key", l.stepKey());
        o.put("container", l.container());
        o.put("foundBy", l.how());
        o.put("field", l.field());
        o.put("fieldMissing", l.fieldMissing());
        Finding f = l.finding();
        o.put("rule", f == null ? null : f.rule());
        o.put("message", f == null ? null : f.message());
        o.put("fix", f == null || f.fix() == null ? null : f.fix().description());
        o.put("snippet", f == null || f.fix() == null ? null : f.fix().snippet());
        return o;
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
