package dev.bklint.rules.yaml;

import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlEdits;
import java.util.List;
import java.util.Set;

/**
 * BK003: a boolean field of the kubernetes plugin holds {@code yes}/{@code no}/{@code on}/{@code off} or a quoted
 * boolean. Buildkite's YAML 1.2 parser reads those as strings, and the controller decodes the plugin into Go
 * booleans strictly, so the job fails.
 */
public final class Yaml11Boolean implements Rule {
    /** Boolean fields of the plugin, PodSpec, Container, SecurityContext, volumes and mounts. */
    static final Set<String> BOOLEAN_FIELDS = Set.of(
            "privileged", "allowPrivilegeEscalation", "runAsNonRoot", "readOnlyRootFilesystem", "hostUsers",
            "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "automountServiceAccountToken",
            "enableServiceLinks", "setHostnameAsFQDN", "stdin", "stdinOnce", "tty", "readOnly", "optional",
            "skip", "noSubmodules", "skipUpdate");
    /** Subtrees whose values are free-form strings. */
    static final Set<String> STRING_SUBTREES = Set.of(
            "metadata", "env", "labels", "annotations", "command", "args", "nodeSelector", "data");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.plugin() != null && step.plugin().config() != null) {
            walk(step.plugin().config(), reporter);
        }
    }

    private void walk(YNode node, Reporter reporter) {
        if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                walk(item, reporter);
            }
        } else if (node instanceof YMap map) {
            for (YEntry e : map.entries()) {
                String key = e.keyText();
                if (key == null || STRING_SUBTREES.contains(key)) {
                    continue;
                }
                if (BOOLEAN_FIELDS.contains(key) && e.value() instanceof YScalar s) {
                    check(key, s, reporter);
                } else {
                    walk(e.value(), reporter);
                }
            }
        }
    }

    private void check(String key, YScalar value, Reporter reporter) {
        String meant;
        String why;
        if (value.isYaml11Boolean()) {
            meant = value.yaml11Meaning() ? "true" : "false";
            why = "`" + value.value() + "` is a string in YAML 1.2, which Buildkite uses";
        } else if (value.isQuotedBoolean()) {
            meant = value.value();
            why = "the quotes make `" + value.value() + "` a string, not a boolean";
        } else {
            return;
        }
        reporter.report(value, "`" + key + "` must be a boolean, but " + why + ".", "The controller decodes the "
                + "plugin strictly, so the job is likely to fail with a `cannot unmarshal string` error instead of "
                + "starting.",
                new Fix("Write `" + key + ": " + meant + "`.", key + ": " + meant,
                        List.of(YamlEdits.replace(value, meant))));
    }
}
