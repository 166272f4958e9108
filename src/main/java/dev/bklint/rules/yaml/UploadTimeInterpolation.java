package dev.bklint.rules.yaml;

import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.kubernetes.Workload;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.EnvVar;
import dev.bklint.pipeline.Interpolation;
import dev.bklint.pipeline.Interpolation.Kind;
import dev.bklint.pipeline.Interpolation.Token;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.report.Edit;
import dev.bklint.report.Fix;
import dev.bklint.report.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import dev.bklint.text.Quoted;
import dev.bklint.yaml.ScalarPositions;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BK006: {@code buildkite-agent pipeline upload} interpolates every string of the pipeline (values and keys) from
 * the uploading agent's environment and the pipeline's top-level {@code env}. A {@code $VAR} meant for the step's
 * runtime is replaced before the step runs (usually by nothing); a {@code ${} that the interpolator cannot parse
 * rejects the whole upload.
 */
public final class UploadTimeInterpolation implements Rule {
    /** Variables every agent process has: the uploader's own value replaces them, not the step's. */
    private static final Set<String> PROCESS_VARIABLES = Set.of(
            "HOME", "PATH", "PWD", "USER", "SHELL", "HOSTNAME", "TMPDIR", "LANG", "TERM", "LOGNAME", "UID");

    /** Keys whose strings the step's shell runs: a {@code $$VAR} there is expanded at runtime. */
    private static final Set<String> SHELL_FIELDS = Set.of("command", "commands", "args");

    /**
     * Forms that ask for the upload-time value on purpose (a default, or a required variable). Outside a command
     * nobody expects a shell to see them (`ACCOUNT: "${ACCOUNT?not set}"` in the top-level env is the documented
     * idiom); in a command they are the usual shell idioms and are reported.
     */
    private static final Set<String> DELIBERATE = Set.of(":-", "-", "?", ":?");

    private static boolean isShell(String field) {
        return field != null && SHELL_FIELDS.contains(field);
    }

    /**
     * What one token, written at one place, is reported as (the same text can be reached through aliases).
     * {@code field} is the key the string is the value of (null for a key itself).
     */
    private record Occurrence(Token token, YScalar scalar, String field, String stepNote) {
    }

    @Override
    public void visitPipeline(Pipeline pipeline, Reporter reporter) {
        YNode root = pipeline.document().root();
        if (root == null || root instanceof YScalar || root instanceof YMap m && Workload.isObject(m)) {
            return; // not a pipeline (BK001 speaks about shapes), or a Kubernetes object, which nothing interpolates
        }
        Walk walk = new Walk(pipeline);
        if (root instanceof YMap map) {
            for (YEntry e : map.entries()) {
                walk.scalar(e.key(), null, null, walk.pipelineEnv);
                if ("env".equals(e.keyText())) {
                    walk.pipelineEnv(e.value());
                } else {
                    walk.node(e.value(), null, e.keyText());
                }
            }
        } else {
            walk.node(root, null, null);
        }
        for (Occurrence o : walk.found.values()) {
            report(o, reporter);
        }
    }

    /** One pass over the document, collecting each problem once at the place where it is written. */
    private static final class Walk {
        final Map<YMap, CommandStep> steps = new IdentityHashMap<>();
        final Set<String> pipelineEnv = new HashSet<>();
        final Map<List<Integer>, Occurrence> found = new LinkedHashMap<>();

        Walk(Pipeline pipeline) {
            for (CommandStep step : pipeline.steps()) {
                steps.put(step.node(), step);
            }
            for (EnvVar v : pipeline.env().all()) {
                pipelineEnv.add(v.name());
            }
        }

        /** Top-level env entries are interpolated first, in order: each sees only the entries before it. */
        void pipelineEnv(YNode env) {
            Set<String> earlier = new HashSet<>();
            if (env instanceof YMap map) {
                for (YEntry e : map.entries()) {
                    scalar(e.key(), null, null, earlier);
                    scalar(e.value(), null, "env", earlier);
                    if (e.keyText() != null) {
                        earlier.add(e.keyText());
                    }
                }
            } else if (env instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    scalar(item, null, "env", earlier);
                    if (item instanceof YScalar s && s.value().contains("=")) {
                        earlier.add(s.value().substring(0, s.value().indexOf('=')));
                    }
                }
            } else {
                node(env, null, "env");
            }
        }

        /** {@code field} is the key whose value {@code node} is (list items keep their list's key). */
        void node(YNode node, CommandStep step, String field) {
            // Every node of the document comes here: indexed loops, as iterators would be made for each.
            if (node instanceof YMap map) {
                CommandStep here = steps.getOrDefault(map, step);
                List<YEntry> entries = map.entries();
                for (int i = 0, n = entries.size(); i < n; i++) {
                    YEntry e = entries.get(i);
                    scalar(e.key(), here, null, pipelineEnv);
                    node(e.value(), here, e.keyText());
                }
            } else if (node instanceof YSeq seq) {
                List<YNode> items = seq.items();
                for (int i = 0, n = items.size(); i < n; i++) {
                    node(items.get(i), step, field);
                }
            } else {
                scalar(node, step, field, pipelineEnv);
            }
        }

        void scalar(YNode node, CommandStep step, String field, Set<String> known) {
            if (!(node instanceof YScalar s) || s.type() != YScalar.Type.STRING || s.value().indexOf('$') < 0) {
                return;
            }
            // Defaults nest as deep as the text says, so the tokens still to look at are kept on a stack.
            Deque<Token> pending = new ArrayDeque<>();
            List<Token> top = Interpolation.scan(s.value());
            for (int i = top.size() - 1; i >= 0; i--) {
                pending.push(top.get(i));
            }
            while (!pending.isEmpty()) {
                Token t = pending.pop();
                List<Token> inner = token(t, s, step, field, known);
                for (int i = inner.size() - 1; i >= 0; i--) {
                    pending.push(inner.get(i));
                }
            }
        }

        /** Records the token when it is a finding; returns the nested tokens that matter too (else none). */
        private List<Token> token(Token t, YScalar s, CommandStep step, String field, Set<String> known) {
            if (t.kind() == Kind.VARIABLE && !isShell(field) && DELIBERATE.contains(String.valueOf(t.operator()))) {
                return List.of(); // `${VAR:-default}` or `${VAR?message}` outside a command: upload time is the point
            }
            if (t.kind() == Kind.VARIABLE && allowed(t.name(), known)) {
                return t.nested(); // the default is used, so what it expands matters too
            }
            String note = t.kind() == Kind.VARIABLE ? stepNote(t.name(), step) : null;
            List<Integer> key = List.of(s.span().line(), s.span().column(), t.start());
            Occurrence before = found.get(key);
            if (before == null || before.stepNote() == null && note != null) {
                found.put(key, new Occurrence(t, s, field, note));
            }
            return List.of();
        }

        private static boolean allowed(String name, Set<String> known) {
            return name.equals("BUILDKITE") || name.startsWith("BUILDKITE_") || name.equals("CI")
                    || known.contains(name);
        }

        /** Where the step itself sets {@code name}: its own {@code env}, or a container env of its pod. */
        private static String stepNote(String name, CommandStep step) {
            if (step == null) {
                return null;
            }
            EnvVar own = step.env().get(name);
            if (own != null) {
                return "`" + name + "` is set in this step's own `env` (line " + own.nameNode().span().line()
                        + "), but a step's env does not exist at upload time";
            }
            KubernetesPlugin plugin = KubernetesPlugin.of(step);
            return plugin == null ? null : containerEnv(name, plugin.config());
        }

        /** The first {@code env} list item named {@code name} anywhere in the plugin's configuration. */
        private static String containerEnv(String name, YNode node) {
            if (node instanceof YMap map) {
                YSeq env = map.getSeq("env");
                if (env != null) {
                    for (YNode item : env.items()) {
                        if (item instanceof YMap var && name.equals(var.string("name"))) {
                            String container = map.string("name") == null ? "a container"
                                    : "container `" + map.string("name") + "`";
                            return "`" + name + "` is set in the `env` of " + container + " (line "
                                    + var.span().line() + "), but a container's env exists only in the pod, not at "
                                    + "upload time";
                        }
                    }
                }
                for (YEntry e : map.entries()) {
                    String inner = "env".equals(e.keyText()) ? null : containerEnv(name, e.value());
                    if (inner != null) {
                        return inner;
                    }
                }
            } else if (node instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    String inner = containerEnv(name, item);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return null;
        }
    }

    private static void report(Occurrence o, Reporter reporter) {
        Token t = o.token();
        YScalar s = o.scalar();
        // Quoted clipped: one token can be most of a long line (nested defaults); the edit needs none of its text.
        String written = Quoted.clip(s.value().substring(t.start(), t.end()));
        SourceFile source = s.source();
        int[] map = ScalarPositions.map(source, s);
        int from = map[t.start()];
        int to = map[t.end() - 1] + 1;
        boolean exact = from < source.text().length() && source.text().charAt(from) == '$' && to > from
                && to <= source.text().length();
        Span span = exact ? source.spanOf(from, to) : s.span();
        List<Edit> insertDollar = exact ? List.of(new Edit(source.spanOf(from, from), "$")) : List.of();
        String escaped = "$" + written;
        boolean shell = isShell(o.field());
        if (t.kind() == Kind.MALFORMED) {
            reporter.report(Severity.ERROR, span, "`" + written + "` makes `buildkite-agent pipeline upload` fail: "
                    + t.problem() + ". The agent interpolates every string of the pipeline before uploading it, and a "
                    + "`${` it cannot parse rejects the whole upload, so no step runs. Write `$${` for a literal `${`"
                    + (shell ? " that the step's shell will see." : "."),
                    new Fix("Escape it as `" + escaped + "`, which Buildkite turns into the literal `" + written
                            + "`.", escaped, insertDollar));
            return;
        }
        String name = t.name();
        StringBuilder m = new StringBuilder("`").append(written).append("` is ").append(what(t)).append(
                " before the step ever runs: `buildkite-agent pipeline upload` interpolates every string of the "
                + "pipeline, keys too, from its own environment and the pipeline's top-level `env`");
        if (o.stepNote() != null) {
            m.append(". ").append(o.stepNote()).append('.');
        } else {
            m.append(", and `").append(name).append("` is neither a `BUILDKITE_*` variable nor set in that `env`.");
        }
        if (shell) {
            m.append(" Write `").append(escaped).append("` to leave it to the step's runtime.");
            reporter.report(span, m.toString(), new Fix("Write `" + escaped
                    + "` so that Buildkite leaves it to the step's runtime.", escaped, insertDollar));
            return;
        }
        String where = o.field() == null ? "A key" : "`" + o.field() + "`";
        m.append(' ').append(where).append(" is not run by a shell, so `").append(escaped)
                .append("` would stay the literal text `").append(written).append("`: write the value itself, or set `")
                .append(name).append("` in the pipeline's top-level `env` if the upload-time value is meant.");
        reporter.report(span, m.toString(), Fix.describe("Write the value itself, or set `" + name
                + "` in the pipeline's top-level `env`.", null));
    }

    /** What upload-time interpolation does with the token, by its operator. */
    private static String what(Token t) {
        String name = t.name();
        String value = PROCESS_VARIABLES.contains(name)
                ? "the uploading agent's own `" + name + "` (its value where `pipeline upload` runs, not in the step)"
                : "the uploading agent's value of `" + name + "`, usually empty";
        String op = t.operator() == null ? "" : t.operator();
        switch (op) {
            case ":-":
                return "replaced at upload time by " + value + ", or by `" + Quoted.clip(t.argument()) + "` when that is empty,";
            case "-":
                return "replaced at upload time by " + value + ", or by `" + Quoted.clip(t.argument()) + "` when it is unset there,";
            case "?": case ":?":
                return "checked at upload time: when the uploading agent has no `" + name + "` (the usual case) the "
                        + "whole upload fails and no step runs; otherwise it is replaced by that agent's value,";
            case ":":
                return "replaced at upload time by part of " + value + ",";
            case "%": case "%%": case "#": case "##":
                return "replaced at upload time by " + value + ", with the pattern removed,";
            default:
                return "replaced at upload time by " + value + ",";
        }
    }
}
