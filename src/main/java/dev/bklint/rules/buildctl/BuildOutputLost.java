package dev.bklint.rules.buildctl;

import dev.bklint.rules.Headline;
import dev.bklint.buildkit.Invocation;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.source.Glob;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.RunMemo;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * BK408: a tar, OCI or Docker archive written into the pod is gone when the job's pod is deleted, unless the
 * step's {@code artifact_paths} uploads it; without {@code dest} buildctl refuses to write it to a terminal.
 */
public final class BuildOutputLost implements Rule {
    private static final Set<String> ARCHIVES = Set.of("tar", "oci", "docker");

    @Override
    public void visitBuildctl(Invocation invocation, Reporter reporter) {
        CommandStep step = invocation.container().step().step();
        if (step == null) {
            return; // a plain manifest has no artifact upload and no terminal
        }
        for (Invocation.CsvFlag out : invocation.csvFlags("output")) {
            String type = out.options().get("type");
            if (type == null || !ARCHIVES.contains(type) || "false".equals(out.options().get("tar"))) {
                continue;
            }
            String dest = out.options().get("dest");
            if (dest == null || dest.equals("-")) {
                if (!redirected(invocation)) {
                    reporter.report(Severity.ERROR, invocation.valueSpan(out.flag()), "Output `type=" + type
                            + "` has no `dest`, so buildctl would write the archive to the terminal.",
                            "Without `dest` buildctl writes the archive to standard output, which under Buildkite's "
                            + "PTY is a terminal: it refuses with `output file is required for " + type + " exporter. "
                            + "refusing to write to console`.",
                            Fix.describe("Write the archive to a file.", "--output type=" + type + ",dest=image.tar"));
                }
                continue;
            }
            if (dest.contains("$") || dest.startsWith("/") && !dest.startsWith("/workspace/")) {
                continue;
            }
            List<String> patterns = artifactPatterns(step.node().get("artifact_paths"));
            if (patterns.stream().anyMatch(p -> matches(p, dest, reporter.memo()))) {
                continue;
            }
            reporter.report(invocation.entrySpan(out.flag(), out.options().entry("dest")), Headline.first(
                    "No `artifact_paths` pattern of step `" + step.displayName() + "` uploads the archive `" + dest
                            + "`.", "No `artifact_paths` pattern of this step uploads the archive `" + dest + "`."),
                    "The archive is written inside the job's pod, which is deleted when the job ends, so the build's "
                    + "output is lost (pushing an image instead also keeps it).", Fix.describe(
                    "Upload the archive as an artifact.", "artifact_paths:\n  - \"" + dest + "\""));
        }
    }

    /** Output to a pipe or a file is not a terminal: {@code dest=-} is then fine. */
    private static boolean redirected(Invocation invocation) {
        String text = invocation.script().text();
        int start = invocation.command().command().start();
        int nl = text.indexOf('\n', start);
        String rest = text.substring(start, nl < 0 ? text.length() : nl);
        return rest.contains(">") || rest.contains("|");
    }

    private static List<String> artifactPatterns(YNode node) {
        List<String> patterns = new ArrayList<>();
        if (node instanceof YScalar s && !s.isNull()) {
            for (String p : s.value().split(";")) {
                patterns.add(p.trim());
            }
        } else if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && !s.isNull()) {
                    patterns.add(s.value().trim());
                }
            }
        }
        return patterns;
    }

    private static boolean matches(String pattern, String dest, RunMemo memo) {
        if (pattern.contains("$") || pattern.isEmpty()) {
            return true; // unknown until runtime: give it the benefit of the doubt
        }
        String path = dest.startsWith("./") ? dest.substring(2) : dest;
        String glob = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        // The pipeline's own pattern: a linear matcher, not the JDK's backtracking regular expression. The same
        // patterns recur in every step of a long pipeline.
        Glob compiled = memo.get(Glob.class, glob, BuildOutputLost::compile);
        try {
            return compiled == null || compiled.matches(Path.of(path).toString());
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The glob, or null when it is not one (then any path may match). */
    private static Glob compile(String glob) {
        try {
            return Glob.compile(glob);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
