package dev.bklint.rules.controller;

import dev.bklint.kubernetes.Mount;
import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.finding.Fix;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.HashSet;
import java.util.Set;

/**
 * BK608: the controller adds a volume named {@code workspace} (or its {@code workspace-volume}) and mounts it at
 * {@code /workspace} in every container it manages; {@code tini-static}, {@code buildkite-agent}, the sockets and
 * the checkout live there. A pod volume with that name is a duplicate the API rejects; a container mount at
 * {@code /workspace} comes before the controller's (or replaces it, from a patch) and shadows it.
 */
public final class WorkspaceReserved implements Rule {
    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        KubernetesPlugin plugin = step.plugin();
        if (step.step() == null || plugin == null) {
            return;
        }
        String volume = ControllerFacts.workspaceVolumeName(reporter.options());
        YMap podSpec = plugin.podSpec();
        YMap patch = plugin.podSpecPatch();
        if (podSpec != null) {
            checkVolumes(reporter, podSpec.getSeq("volumes"), volume, false);
            checkContainers(reporter, podSpec.getSeq("containers"), "podSpec.containers", volume);
        }
        if (patch != null) {
            if (volume.equals(ControllerConfig.DEFAULT_WORKSPACE_VOLUME)
                    && reporter.options().controller() == null) {
                checkVolumes(reporter, patch.getSeq("volumes"), volume, true);
            }
            // A patch container that names a managed container replaces its workspace mount; one with a new
            // name is added without the workspace mount, so its /workspace is its own business.
            Set<String> managed = new HashSet<>(Set.of("agent", "checkout"));
            if (step.pod() != null) {
                for (PodContainer c : step.pod().containers()) {
                    if (c.kind() == PodContainer.Kind.COMMAND) {
                        managed.add(c.name());
                    }
                }
            }
            YSeq patched = patch.getSeq("containers");
            if (patched != null) {
                for (int i = 0; i < patched.size(); i++) {
                    if (patched.items().get(i) instanceof YMap c && managed.contains(c.string("name"))) {
                        checkMounts(reporter, c.getSeq("volumeMounts"), "container "
                                + ControllerFacts.describe(c, "podSpecPatch.containers", i), volume, false);
                    }
                }
            }
        }
        checkContainers(reporter, plugin.sidecars(), "sidecars", volume);
        YMap commandParams = plugin.field("commandParams") instanceof YMap m ? m : null;
        if (commandParams != null) {
            checkMounts(reporter, commandParams.getSeq("extraVolumeMounts"), "`commandParams.extraVolumeMounts`",
                    volume, false);
        }
        checkMounts(reporter, plugin.extraVolumeMounts(), "`extraVolumeMounts`", volume, true);
    }

    private static void checkVolumes(Reporter reporter, YSeq volumes, String reserved, boolean inPatch) {
        if (volumes == null) {
            return;
        }
        for (YNode v : volumes.items()) {
            if (!(v instanceof YMap map) || !reserved.equals(map.string("name"))) {
                continue;
            }
            YNode name = map.getScalar("name");
            if (!inPatch) {
                reporter.report(name, "Pod volume `" + reserved + "` has the name of the controller's own workspace "
                        + "volume.", "The controller adds its own workspace volume under that name, so the pod has "
                        + "two volumes named `" + reserved + "` and the API server rejects it "
                        + "(`spec.volumes[...].name: Duplicate value: \"" + reserved + "\"`); the job fails.",
                        Fix.describe("Rename the volume.",
                        "volumes:\n  - name: build-scratch\n    emptyDir: {}"));
                continue;
            }
            String source = null;
            for (YEntry e : map.entries()) {
                if (e.keyText() != null && !e.keyText().equals("name") && !e.keyText().equals("emptyDir")) {
                    source = e.keyText();
                }
            }
            if (source == null) {
                continue; // tuning the workspace emptyDir (e.g. medium: Memory) is what a patch may do
            }
            reporter.report(name, "podSpecPatch volume `" + reserved + "` sets `" + source + "` on the controller's "
                    + "own workspace volume.", "The patch is merged into the controller's own workspace volume (an "
                    + "`emptyDir`), which then has two volume sources and the API server rejects the pod (`may not "
                    + "specify more than 1 volume type`). The workspace volume itself is set by the controller's "
                    + "`workspace-volume`.", Fix.describe("Rename the volume.",
                    "volumes:\n  - name: build-cache\n    " + source + ": ..."));
        }
    }

    private static void checkContainers(Reporter reporter, YSeq containers, String where, String volume) {
        if (containers == null) {
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            if (containers.items().get(i) instanceof YMap c) {
                checkMounts(reporter, c.getSeq("volumeMounts"), "container "
                        + ControllerFacts.describe(c, where, i), volume, false);
            }
        }
    }

    private static void checkMounts(Reporter reporter, YSeq mounts, String owner, String volume, boolean dropped) {
        if (mounts == null) {
            return;
        }
        for (YNode m : mounts.items()) {
            if (!(m instanceof YMap mount) || mount.string("mountPath") == null
                    || !Mount.normalise(mount.string("mountPath")).equals(ControllerFacts.WORKSPACE)
                    || sameAsController(mount, volume)) {
                continue;
            }
            YScalar path = mount.getScalar("mountPath");
            if (dropped) {
                reporter.report(Severity.WARNING, path, "A mount at `/workspace` in the plugin's " + owner + " is "
                        + "silently dropped.", "The controller lists its own workspace mount first and keeps the "
                        + "first mount at a path, so volume `" + mount.string("name") + "` is not mounted anywhere.",
                        Fix.describe(
                        "Mount the volume at another path.", "- name: " + mount.string("name")
                                + "\n  mountPath: /cache"));
                continue;
            }
            reporter.report(path, "A mount at `/workspace` in " + owner + " hides the controller's workspace.",
                    "The controller mounts its own workspace volume there in every container it manages and keeps "
                    + "the first mount at a path: this one, volume `" + mount.string("name") + "`, comes first (or "
                    + "replaces it, in a patch), so `/workspace` no longer holds `tini-static`, `buildkite-agent`, the "
                    + "sockets and the checkout, and the container cannot start the job.",
                    Fix.describe("Mount the volume at another path.", "- name: " + mount.string("name")
                            + "\n  mountPath: /cache"));
        }
    }

    /** The controller's own volume at /workspace with nothing changed is the controller's mount, written again. */
    private static boolean sameAsController(YMap mount, String volume) {
        if (!volume.equals(mount.string("name"))) {
            return false;
        }
        for (YEntry e : mount.entries()) {
            String k = e.keyText();
            if (k != null && !k.equals("name") && !k.equals("mountPath")) {
                return false;
            }
        }
        return true;
    }
}
