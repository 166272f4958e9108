package dev.bklint.pipeline;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the Buildkite model out of a YAML document the way {@code buildkite-agent pipeline upload} does:
 * a mapping with {@code steps} or a bare list of steps, groups with nested steps, string steps, the
 * nested {@code command: {...}} form, {@code command}/{@code commands}, {@code label}/{@code name}, and
 * plugins as a list or as one mapping.
 */
public final class PipelineReader {
    private static final Set<String> COMMAND_KEYS = Set.of("command", "commands", "plugins");
    private static final Set<String> NESTED_FORMS = Set.of("command", "commands", "script");

    private final YamlDocument document;
    private final List<CommandStep> steps = new ArrayList<>();
    private final List<PipelineProblem> problems = new ArrayList<>();
    private Pipeline pipeline;

    private PipelineReader(YamlDocument document) {
        this.document = document;
    }

    public static Pipeline read(YamlDocument document) {
        return new PipelineReader(document).read();
    }

    private Pipeline read() {
        YNode root = document.root();
        YNode stepsNode = null;
        Env env = Env.EMPTY;
        YScalar image = null;
        YNode agents = null;
        if (root instanceof YMap map) {
            stepsNode = map.get("steps");
            env = Env.fromBuildkite(map.get("env"), "pipeline env");
            image = map.getScalar("image");
            agents = map.get("agents");
            if (stepsNode != null && !(stepsNode instanceof YSeq) && !(stepsNode instanceof YScalar s && s.isNull())) {
                problems.add(new PipelineProblem("`steps` must be a list of steps, not " + stepsNode.kindName(),
                        stepsNode.span()));
            }
        } else if (root instanceof YSeq) {
            stepsNode = root;
        } else if (root != null) {
            problems.add(new PipelineProblem("a pipeline must be a mapping with `steps` or a list of steps, not "
                    + root.kindName(), root.span()));
        }
        pipeline = new Pipeline(document, env, image, agents, steps, problems);
        if (stepsNode instanceof YSeq seq) {
            readSteps(seq);
        }
        return pipeline;
    }

    private void readSteps(YSeq seq) {
        for (YNode item : seq.items()) {
            if (!(item instanceof YMap step)) {
                continue; // "wait", "block" and other string steps carry nothing bklint checks
            }
            YSeq nested = step.getSeq("steps");
            if ((step.has("group") || step.has("type") && "group".equals(step.string("type"))) && nested != null) {
                readSteps(nested);
                continue;
            }
            YMap body = unnest(step);
            if (isCommandStep(body)) {
                steps.add(commandStep(body));
            }
        }
    }

    /** {@code - command: {label: x, command: y}} is the same step as its inner mapping. */
    private static YMap unnest(YMap step) {
        if (step.entries().size() == 1) {
            YEntry only = step.entries().get(0);
            if (NESTED_FORMS.contains(only.keyText()) && only.value() instanceof YMap inner) {
                return inner;
            }
        }
        return step;
    }

    private static boolean isCommandStep(YMap step) {
        String type = step.string("type");
        if (type != null) {
            return type.equals("command") || type.equals("script") || type.equals("commands");
        }
        for (String key : COMMAND_KEYS) {
            if (step.has(key)) {
                return true;
            }
        }
        return false;
    }

    private CommandStep commandStep(YMap step) {
        String label = step.string("label");
        if (label == null) {
            label = step.string("name");
        }
        YNode commandNode = step.has("command") ? step.get("command") : step.get("commands");
        return new CommandStep(pipeline, step, label, CommandText.of(commandNode),
                Env.fromBuildkite(step.get("env"), "step env"), step.getScalar("image"), step.get("agents"),
                plugins(step.get("plugins")), step.get("timeout_in_minutes"));
    }

    private static List<PluginUse> plugins(YNode node) {
        List<PluginUse> uses = new ArrayList<>();
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && !s.isNull()) {
                    uses.add(new PluginUse(s.value(), s, null));
                } else if (item instanceof YMap m) {
                    addAll(uses, m);
                }
            }
        } else if (node instanceof YMap map) {
            addAll(uses, map);
        }
        return uses;
    }

    private static void addAll(List<PluginUse> uses, YMap map) {
        for (YEntry e : map.entries()) {
            if (e.keyText() != null) {
                uses.add(new PluginUse(e.keyText(), e.key(), e.value()));
            }
        }
    }
}
