package dev.bklint.report;

import dev.bklint.engine.StepSummary;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Edit;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --format json}: one object with the tool, every finding and every BuildKit step bklint understood. */
public final class JsonFormatter {
    private JsonFormatter() {
    }

    public static String format(String version, List<Finding> findings, List<StepSummary> steps) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "bklint");
        tool.put("version", version);
        root.put("tool", tool);
        List<Object> fs = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("name", f.name());
            m.put("severity", f.severity().label());
            m.put("path", f.path());
            position(m, f.span());
            m.put("message", f.message());
            m.put("why", f.why());
            m.put("fix", fix(f.fix()));
            if (!f.uses().isEmpty()) {
                // where text written once (an anchor) is used through aliases or merge keys
                List<Object> uses = new ArrayList<>();
                for (Span u : f.uses()) {
                    Map<String, Object> um = new LinkedHashMap<>();
                    position(um, u);
                    uses.add(um);
                }
                m.put("uses", uses);
            }
            fs.add(m);
        }
        root.put("findings", fs);
        root.put("steps", steps(steps, false));
        return Json.write(root) + "\n";
    }

    /**
     * The BuildKit containers bklint understood, as lint's JSON writes them; {@code detailed} adds what
     * {@code inspect} shows besides (where the image came from, the interposer, daemon flags, buildctl commands).
     */
    public static List<Object> steps(List<StepSummary> steps, boolean detailed) {
        List<Object> ss = new ArrayList<>();
        for (StepSummary s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", s.path());
            m.put("line", s.line());
            m.put("label", s.label());
            m.put("container", s.container());
            m.put("image", s.image());
            m.put("daemon", s.daemon());
            m.put("mode", s.mode());
            List<Object> ev = new ArrayList<>();
            for (StepSummary.Item e : s.evidence()) {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("signal", e.signal());
                em.put("detail", e.detail());
                if (e.span() != null) {
                    position(em, e.span());
                }
                ev.add(em);
            }
            m.put("evidence", ev);
            m.put("missing", s.missing());
            m.put("stateDir", s.stateDir());
            if (detailed) {
                m.put("imageSource", s.imageSource());
                m.put("interposer", s.interposer());
                m.put("daemonFlags", s.daemonFlags());
                m.put("buildctl", s.buildctl());
            }
            ss.add(m);
        }
        return ss;
    }

    private static void position(Map<String, Object> m, Span span) {
        m.put("line", span.line());
        m.put("column", span.column());
        m.put("endLine", span.endLine());
        m.put("endColumn", span.endColumn());
    }

    private static Object fix(Fix fix) {
        if (fix == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", fix.description());
        m.put("snippet", fix.snippet());
        m.put("applicability", fix.applicability().label());
        List<Object> edits = new ArrayList<>();
        for (Edit e : fix.edits()) {
            Map<String, Object> em = new LinkedHashMap<>();
            position(em, e.range());
            em.put("text", e.text());
            edits.add(em);
        }
        m.put("edits", edits);
        return m;
    }
}
