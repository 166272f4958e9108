package dev.bklint.rules.image;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Fixes;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YamlEdits;
import java.util.ArrayList;
import java.util.List;

/**
 * BK106: the rootless image gets uid/gid 1000 only from its {@code USER 1000:1000} while a pod-level user that the
 * file does not show could replace it. A value the container states, or one the pod states where bklint sees the
 * whole pod, is the effective one (BK104/BK105 check it), so neither is reported. {@code runAsNonRoot} is not
 * required: upstream's own rootless examples omit it and work.
 */
public final class RootlessUidGidImplicit implements Rule {
    private static final List<String> FIELDS = List.of("runAsUser", "runAsGroup");

    @Override
    public void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
        PodContainer c = daemon.container();
        if (c == null || daemon.flavor() != ImageFlavor.ROOTLESS) {
            return;
        }
        String unseen = unseenPodLevelSource(c.pod(), reporter.options().controller() != null);
        if (unseen == null) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String field : FIELDS) {
            if (c.security(field) == null) {
                missing.add(field);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String fields = String.join("`/`", missing);
        reporter.report(anchor(c), "Container `" + c.name() + "` runs the rootless image without `" + fields
                + "` in its securityContext.",
                "Its uid/gid 1000 then comes only from the image's `USER 1000:1000`, and a pod-level value in "
                        + unseen + " would replace it.",
                fix(c, missing));
    }

    /**
     * What could set a pod-level {@code runAsUser}/{@code runAsGroup} that the file does not show, or null when
     * bklint sees the whole pod: a plain manifest, or a step whose controller configuration was given and whose
     * pod is not a named PodTemplate.
     */
    static String unseenPodLevelSource(EffectivePod pod, boolean controllerKnown) {
        if (pod.step() == null) {
            return null;
        }
        if (pod.fromTemplate()) {
            return "the named PodTemplate";
        }
        return controllerKnown ? null : "the controller's `pod-spec-patch` (not given with `--controller-config`)";
    }

    private static YNode anchor(PodContainer c) {
        YEntry sc = c.node() == null ? null : c.node().entry("securityContext");
        return sc != null ? sc.key() : c.image();
    }

    private static Fix fix(PodContainer c, List<String> missing) {
        StringBuilder lines = new StringBuilder();
        for (String field : missing) {
            lines.append(lines.length() == 0 ? "" : "\n").append(field).append(": 1000");
        }
        List<Edit> edits = c.written() == null ? List.of()
                : c.written().getMap("securityContext") != null
                ? YamlEdits.insertBlock(c.written().getMap("securityContext"), lines.toString())
                : YamlEdits.insertBlock(c.written(), "securityContext:\n" + Fixes.indent(lines.toString()));
        return new Fix("Add " + String.join(" and ", missing) + " to the container's securityContext.",
                lines.toString(), edits);
    }
}
