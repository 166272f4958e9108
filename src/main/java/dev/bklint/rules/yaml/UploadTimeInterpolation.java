package dev.bklint.rules.yaml;

import dev.bklint.rules.Headline;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.kubernetes.Workload;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.EnvVar;
import dev.bklint.pipeline.Interpolation;
import dev.bklint.pipeline.Interpolation.Kind;
import dev.bklint.pipeline.Interpolation.Token;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.pipeline.PluginUse;
import dev.bklint.pipeline.ShellAssignments;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * BK006: {@code buildkite-agent pipeline upload} interpolates every string of the pipeline (values and keys) from
 * the uploading agent's environment and the pipeline's top-level {@code env}. A <code>${</code> that
 * buildkite/interpolate cannot parse fails the whole upload (an error, whatever the environment). A {@code $VAR}
 * is reported only on evidence that VAR exists only where the step runs (assigned earlier in the script, set in the
 * step's or a container's env, a step secret); without such evidence the upload-time value may well be meant (the
 * uploader sets it), and the rule stays silent.
 */
public final class UploadTimeInterpolation implements Rule {
    /** Keys whose strings the step's shell runs: a {@code $$VAR} there is expanded at runtime. */
    private static final Set<String> SHELL_FIELDS = Set.of("command", "commands", "args");

    /**
     * Fields that only have an upload-time meaning and that Buildkite matches or shows as written: a variable used
     * in one of them is a parameter of the upload (the pipeline is generated or parametrised by its uploader), and
     * {@code $$} elsewhere would break what it matches.
     */
    private static final Set<String> PARAMETER_FIELDS = Set.of("label", "name", "key", "identifier", "id",
            "depends_on", "step", "if", "group", "branches", "concurrency_group", "queue", "artifact_paths",
            "trigger", "message", "branch", "commit", "skip");

    /** {@code ${VAR:-x}}, {@code ${VAR-x}}, {@code ${VAR?msg}}: outside commands they ask for the upload-time value. */
    private static final Set<String> DELIBERATE = Set.of(":-", "-", "?");

    /** Top-level keys that make a mapping a pipeline; YAML under `.buildkite/` without them is some other config. */
    private static final Set<String> STEP_KEYS = Set.of("command", "commands", "plugins", "label", "wait", "block",
            "input", "trigger", "group", "key", "steps", "script");

    /**
     * The agent's default {@code --redacted-vars} patterns (buildkite/agent {@code clicommand/global.go}): a name
     * like these that a plugin or Pod secret provides to the step is a secret of the step, not of the uploader.
     */
    private static final List<String> SECRET_SUFFIXES = List.of("_PASSWORD", "_SECRET", "_TOKEN", "_PRIVATE_KEY",
            "_SSH_KEY", "_ACCESS_KEY", "_SECRET_KEY", "_CONNECTION_STRING", "_API_KEY");

    private static boolean isShell(String field) {
        return field != null && SHELL_FIELDS.contains(field);
    }

    static boolean secretLike(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String suffix : SECRET_SUFFIXES) {
            if (upper.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A command script: one string, or the items of a {@code commands} list read as one text. */
    @SuppressWarnings("ArrayRecordComponent") // private, never compared or hashed
    private record Script(ShellAssignments assignments, Set<String> escaped, int[] base) {
    }

    /** Where a string sits: its field, its step, the names known at upload time, and its script (shell fields). */
    private record Place(String field, CommandStep step, Set<String> known, Script script, int item) {
    }

    /** One finding, before it is reported: the token, its string and the evidence (null for a malformed one). */
    private record Occurrence(Token token, YScalar scalar, Place place, String evidence, boolean othersEscaped) {
    }

    @Override
    public void visitPipeline(Pipeline pipeline, Reporter reporter) {
        YNode root = pipeline.document().root();
        if (!isPipeline(root)) {
            return; // a Kubernetes object or some other YAML (a tool's config under `.buildkite/`): nothing uploads it
        }
        Walk parameters = new Walk(pipeline, null);
        parameters.document(root);
        Walk walk = new Walk(pipeline, parameters.parameters);
        walk.document(root);
        for (Occurrence o : walk.found.values()) {
            report(o, reporter);
        }
    }

    private static boolean isPipeline(YNode root) {
        if (root instanceof YMap m) {
            return !Workload.isObject(m) && m.has("steps");
        }
        if (root instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && Set.of("wait", "block", "input", "waiter").contains(s.value())) {
                    return true;
                }
                if (item instanceof YMap m) {
                    for (YEntry e : m.entries()) {
                        if (STEP_KEYS.contains(e.keyText())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * One pass over the document. The first pass ({@code parameters == null}) only collects the names used in
     * {@link #PARAMETER_FIELDS}; the second collects each finding once, keyed by (line, variable).
     */
    private static final class Walk {
        final IdentityHashMap<YMap, CommandStep> steps = new IdentityHashMap<>();
        final Set<String> pipelineEnv = new HashSet<>();
        final Set<String> parameters = new HashSet<>();
        final Set<String> knownParameters;
        final Map<String, Occurrence> found = new LinkedHashMap<>();
        final IdentityHashMap<YNode, Script> scripts = new IdentityHashMap<>();
        final IdentityHashMap<YScalar, int[]> positions = new IdentityHashMap<>();

        Walk(Pipeline pipeline, Set<String> knownParameters) {
            this.knownParameters = knownParameters;
            for (CommandStep step : pipeline.steps()) {
                steps.put(step.node(), step);
            }
            for (EnvVar v : pipeline.env().all()) {
                pipelineEnv.add(v.name());
            }
        }

        void document(YNode root) {
            if (root instanceof YMap map) {
                for (YEntry e : map.entries()) {
                    scalar(e.key(), new Place(null, null, pipelineEnv, null, 0));
                    if ("env".equals(e.keyText())) {
                        pipelineEnv(e.value());
                    } else {
                        node(e.value(), null, e.keyText());
                    }
                }
            } else {
                node(root, null, null);
            }
        }

        /** Top-level env entries are interpolated first, in order: each sees only the entries before it. */
        void pipelineEnv(YNode env) {
            Set<String> earlier = new HashSet<>();
            if (env instanceof YMap map) {
                for (YEntry e : map.entries()) {
                    scalar(e.key(), new Place(null, null, earlier, null, 0));
                    scalar(e.value(), new Place("env", null, new HashSet<>(earlier), null, 0));
                    if (e.keyText() != null) {
                        earlier.add(e.keyText());
                    }
                }
            } else if (env instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    scalar(item, new Place("env", null, new HashSet<>(earlier), null, 0));
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
                    scalar(e.key(), new Place(null, here, pipelineEnv, null, 0));
                    node(e.value(), here, e.keyText());
                }
            } else if (node instanceof YSeq seq) {
                Script script = isShell(field) && knownParameters != null ? script(seq) : null;
                List<YNode> items = seq.items();
                for (int i = 0, n = items.size(); i < n; i++) {
                    if (script != null) {
                        scalar(items.get(i), new Place(field, step, pipelineEnv, script, i));
                    } else {
                        node(items.get(i), step, field);
                    }
                }
            } else {
                scalar(node, new Place(field, step, pipelineEnv,
                        isShell(field) && knownParameters != null ? script(node) : null, 0));
            }
        }

        /** The script a shell field holds, read once per node (aliases share nodes). */
        private Script script(YNode node) {
            Script known = scripts.get(node);
            if (known != null) {
                return known;
            }
            List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
            StringBuilder text = new StringBuilder();
            int[] base = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                base[i] = text.length();
                if (items.get(i) instanceof YScalar s) {
                    text.append(s.value());
                }
                text.append('\n');
            }
            Script script = new Script(ShellAssignments.of(text.toString()), escapedNames(text), base);
            scripts.put(node, script);
            return script;
        }

        void scalar(YNode node, Place place) {
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
                List<Token> inner = knownParameters == null ? parameter(t, place) : token(t, s, place);
                for (int i = inner.size() - 1; i >= 0; i--) {
                    pending.push(inner.get(i));
                }
            }
        }

        /** First pass: a variable in a parameter field is an upload-time parameter of the whole file. */
        private List<Token> parameter(Token t, Place place) {
            if (t.kind() == Kind.VARIABLE && place.field() != null && PARAMETER_FIELDS.contains(place.field())) {
                parameters.add(t.name());
            }
            return t.kind() == Kind.VARIABLE ? t.nested() : List.of();
        }

        /** Records the token when it is a finding; returns the nested tokens to look at too (else none). */
        private List<Token> token(Token t, YScalar s, Place place) {
            if (t.kind() == Kind.MALFORMED) {
                record(t, s, place, null, false);
                return List.of();
            }
            String name = t.name();
            if (!isShell(place.field()) && DELIBERATE.contains(String.valueOf(t.operator()))) {
                return List.of(); // `${VAR:-default}` or `${VAR?message}` outside a command: upload time is the point
            }
            if (known(name, place.known()) || knownParameters.contains(name)) {
                return t.nested(); // meant for upload time; a default it falls back to is expanded there too
            }
            String evidence = evidence(t, place);
            if (evidence == null) {
                return t.nested(); // nothing says the variable is missing where the upload runs
            }
            Set<String> escaped = place.script() != null ? place.script().escaped() : escapedNames(s.value());
            boolean othersEscaped = !escaped.contains(name) && !escaped.isEmpty();
            record(t, s, place, evidence, othersEscaped);
            return List.of();
        }

        private void record(Token t, YScalar s, Place place, String evidence, boolean othersEscaped) {
            int[] map = positions.computeIfAbsent(s, x -> ScalarPositions.map(x.source(), x));
            int line = s.source().spanOf(map[t.start()], map[t.start()]).line();
            String key = line + (t.kind() == Kind.MALFORMED ? ":" + map[t.start()] : " " + t.name());
            found.putIfAbsent(key, new Occurrence(t, s, place, evidence, othersEscaped));
        }

        private static boolean known(String name, Set<String> known) {
            return name.equals("BUILDKITE") || name.startsWith("BUILDKITE_") || name.equals("CI")
                    || known.contains(name);
        }

        /** Why {@code t}'s variable exists only where the step runs, or null when nothing in the file says so. */
        private static String evidence(Token t, Place place) {
            String name = t.name();
            Script script = place.script();
            if (script != null && script.assignments().assignedBefore(name, script.base()[place.item()] + t.start())) {
                return "is assigned earlier in this command script";
            }
            CommandStep step = place.step();
            if (step == null) {
                return null;
            }
            EnvVar own = step.env().get(name);
            if (own != null && !mentions(own.value(), name)) {
                return "is set in this step's `env` (line " + own.nameNode().span().line() + ")";
            }
            String secret = stepSecret(name, step.node().get("secrets"));
            if (secret != null) {
                return secret;
            }
            KubernetesPlugin kubernetes = KubernetesPlugin.of(step);
            if (kubernetes != null) {
                String container = containerEnv(name, kubernetes.config());
                if (container != null) {
                    return container;
                }
            }
            return secretLike(name) ? pluginSecret(name, step) : null;
        }

        /** True when {@code value} refers to {@code name} itself ({@code X: "${X:-default}"}): both values agree. */
        private static boolean mentions(String value, String name) {
            if (value == null) {
                return false;
            }
            for (Token t : Interpolation.scan(value)) {
                if (name.equals(t.name())) {
                    return true;
                }
            }
            return false;
        }

        /** The step's {@code secrets:} (a list of names, or a map from variable name to secret). */
        private static String stepSecret(String name, YNode secrets) {
            YNode hit = null;
            if (secrets instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    if (item instanceof YScalar s && name.equals(s.value())) {
                        hit = s;
                    }
                }
            } else if (secrets instanceof YMap map && map.entry(name) != null) {
                hit = map.entry(name).key();
            }
            return hit == null ? null : "is one of this step's `secrets` (line " + hit.span().line() + ")";
        }

        /**
         * A secret-like name that another plugin of the step names in its configuration (for example a secrets
         * manager's {@code env: {GITHUB_TOKEN: ...}}), or any container of the pod loads from a Secret.
         */
        private static String pluginSecret(String name, CommandStep step) {
            for (PluginUse plugin : step.plugins()) {
                boolean kubernetes = PluginUse.KUBERNETES.equals(plugin.canonicalLocation());
                YNode at = kubernetes ? envFromSecret(plugin.config()) : naming(name, plugin.config());
                if (at != null) {
                    return kubernetes
                            ? "looks like a secret, and the pod loads env from a Secret (`envFrom`, line "
                                    + at.span().line() + ")"
                            : "looks like a secret, and the step's `" + plugin.location() + "` plugin names it (line "
                                    + at.span().line() + ")";
                }
            }
            return null;
        }

        /** The node of {@code config} that names {@code name}: a key, a string, or {@code NAME=value}. */
        private static YNode naming(String name, YNode config) {
            if (config instanceof YMap map) {
                for (YEntry e : map.entries()) {
                    if (name.equals(e.keyText())) {
                        return e.key();
                    }
                    YNode inner = naming(name, e.value());
                    if (inner != null) {
                        return inner;
                    }
                }
            } else if (config instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    YNode inner = naming(name, item);
                    if (inner != null) {
                        return inner;
                    }
                }
            } else if (config instanceof YScalar s && (s.value().equals(name) || s.value().startsWith(name + "="))) {
                return s;
            }
            return null;
        }

        /** The first {@code envFrom} entry with a {@code secretRef} anywhere in the kubernetes plugin's config. */
        private static YNode envFromSecret(YNode node) {
            if (node instanceof YMap map) {
                YSeq from = map.getSeq("envFrom");
                if (from != null) {
                    for (YNode item : from.items()) {
                        if (item instanceof YMap m && m.has("secretRef")) {
                            return m;
                        }
                    }
                }
                for (YEntry e : map.entries()) {
                    YNode inner = "envFrom".equals(e.keyText()) ? null : envFromSecret(e.value());
                    if (inner != null) {
                        return inner;
                    }
                }
            } else if (node instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    YNode inner = envFromSecret(item);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
            return null;
        }

        /** The first container {@code env} item named {@code name} anywhere in the plugin's configuration. */
        private static String containerEnv(String name, YNode node) {
            if (node instanceof YMap map) {
                YSeq env = map.getSeq("env");
                if (env != null) {
                    for (YNode item : env.items()) {
                        if (item instanceof YMap var && name.equals(var.string("name"))
                                && !mentions(var.string("value"), name)) {
                            String container = map.string("name") == null ? "a container"
                                    : "container `" + map.string("name") + "`";
                            return "is set in the `env` of " + container + " (line " + var.span().line() + ")";
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

    /**
     * The names a text escapes as Buildkite's {@code $$NAME} / <code>$${NAME</code>: where an author escapes some
     * variables, the ones left unescaped are likely meant for upload time.
     */
    static Set<String> escapedNames(CharSequence text) {
        Set<String> names = new HashSet<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.charAt(i) == '$' && i + 1 < n && text.charAt(i + 1) == '$') {
                int from = i + 2 < n && text.charAt(i + 2) == '{' ? i + 3 : i + 2;
                int to = from;
                while (to < n && (Character.isLetterOrDigit(text.charAt(to)) || text.charAt(to) == '_')) {
                    to++;
                }
                if (to > from && Character.isLetter(text.charAt(from))) {
                    names.add(text.subSequence(from, to).toString());
                }
                i += 2;
            } else {
                i++;
            }
        }
        return names;
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
        boolean shell = isShell(o.place().field());
        if (t.kind() == Kind.MALFORMED) {
            reporter.report(Severity.ERROR, span, Headline.first("`" + written + "` fails the whole upload: "
                    + "buildkite/interpolate cannot parse it.", "This `${` fails the whole upload: "
                    + "buildkite/interpolate cannot parse it."), "buildkite/interpolate stops with `" + t.problem()
                    + "`" + hint(t) + "." + (shell ? " Escaped as `$${`, the literal `${` is left to the step's "
                    + "shell to expand." : ""),
                    new Fix("Escape it as `" + escaped + "`, which Buildkite turns into the literal `" + written
                            + "`.", escaped, insertDollar));
            return;
        }
        String name = t.name();
        String headline = Headline.first("`" + written + "` is expanded when the pipeline is uploaded, not where the "
                + "step runs.", "`" + name + "` here is expanded when the pipeline is uploaded, not where the step "
                + "runs.", "A variable here is expanded when the pipeline is uploaded, not where the step runs.");
        StringBuilder why = new StringBuilder("`").append(name).append("` ").append(o.evidence()).append(": ")
                .append(what(t)).append('.');
        Severity severity = o.othersEscaped() ? Severity.INFO : Severity.WARNING;
        if (o.othersEscaped()) {
            why.append(" Other variables here are escaped with `$$`, so this one may be meant for upload time.");
        }
        if (shell) {
            reporter.report(severity, span, headline, why.toString(), new Fix("Write `" + escaped
                    + "` so that Buildkite leaves it to the step's shell.", escaped, insertDollar));
            return;
        }
        String where = o.place().field() == null ? "a key" : "`" + o.place().field() + "`";
        why.append(" No shell reads ").append(where).append(", so `").append(escaped)
                .append("` would stay the literal text `").append(written).append("`.");
        reporter.report(severity, span, headline, why.toString(), Fix.describe("Write the value of `" + name
                + "` itself; the upload cannot see it.", null));
    }

    /** What the step gets instead, by the token's operator. */
    private static String what(Token t) {
        String op = t.operator() == null ? "" : t.operator();
        switch (op) {
            case ":-": case "-":
                return "the step gets the uploader's value, usually none, so the default `" + Quoted.clip(t.argument())
                        + "`";
            case "?":
                return "the whole upload fails unless the uploader has `" + t.name() + "` too";
            default:
                return "the step gets the uploader's value instead, usually empty";
        }
    }

    /** The bash form a malformed token looks like, when there is a supported way to say it. */
    private static String hint(Token t) {
        String p = t.problem();
        if (p.endsWith("got %") || p.endsWith("got #")) {
            return " (bash's `%`/`#` pattern removal is not part of the upload's syntax)";
        }
        if (p.startsWith("Unable to parse offset: strconv.Atoi: parsing \"?")) {
            return " (`:?` is read as a substring offset; the upload's required form is `${" + t.name() + "?msg}`)";
        }
        return "";
    }
}
