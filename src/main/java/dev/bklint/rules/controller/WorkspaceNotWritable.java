package dev.bklint.rules.controller;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.CsvOptions;
import dev.bklint.buildkit.Flag;
import dev.bklint.buildkit.ImageFlavor;
import dev.bklint.buildkit.Invocation;
import dev.bklint.buildkit.SimpleCommand;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.kubernetes.Setting;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YamlEdits;
import java.util.List;
import java.util.Set;

/**
 * BK606: the controller chowns {@code /workspace} to the pod's user only for a pod-level {@code runAsUser} in the
 * plugin's {@code podSpec}, read before any patch. A BuildKit container that runs as uid 1000 without it (set on
 * the container, through podSpecPatch, or by the rootless image's {@code USER}) finds the checkout owned by root,
 * so a build that writes into it ({@code --output ...,dest=<relative>}, {@code --metadata-file <relative>}) fails.
 */
public final class WorkspaceNotWritable implements Rule {
    private static final Set<String> FILE_EXPORTERS = Set.of("local", "tar", "oci", "docker");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.plugin() == null || step.pod() == null || step.pod().fromTemplate()
                || podLevelUser(step) || ControllerFacts.checkoutSkip(step, reporter.options()) != null) {
            return;
        }
        for (BuildkitContainer bc : step.buildkitContainers()) {
            PodContainer c = bc.container();
            if (c == null || c.kind() != PodContainer.Kind.COMMAND) {
                continue;
            }
            User user = nonRootUser(bc);
            if (user == null) {
                continue;
            }
            for (Invocation inv : bc.invocations()) {
                if (!inv.command().isBuild() || changesDirectory(bc, inv)) {
                    continue;
                }
                for (Flag output : inv.command().flags("output")) {
                    CsvOptions csv = inv.command().csv(output);
                    String type = csv.get("type");
                    String dest = csv.get("dest");
                    if (type != null && FILE_EXPORTERS.contains(type) && ControllerFacts.relativePath(dest)) {
                        report(reporter, step, c, inv, output, "`--output type=" + type + ",dest=" + dest + "`",
                                user);
                    }
                }
                Flag metadata = inv.command().flag("metadata-file");
                if (metadata != null && ControllerFacts.relativePath(metadata.value())) {
                    report(reporter, step, c, inv, metadata, "`--metadata-file " + metadata.value() + "`", user);
                }
            }
        }
    }

    /** True when the plugin's podSpec (not a patch) sets a non-zero pod-level runAsUser. */
    private static boolean podLevelUser(StepAnalysis step) {
        YMap podSpec = step.plugin().podSpec();
        YMap sc = podSpec == null ? null : podSpec.getMap("securityContext");
        YScalar uid = sc == null ? null : sc.getScalar("runAsUser");
        return uid != null && !uid.isNull() && !uid.value().trim().equals("0");
    }

    /** The non-root uid a container runs as, and how it comes to. */
    private record User(long uid, String how) {
    }

    /** How the container comes to run as a non-root user, or null when it runs as root or it cannot be told. */
    private static User nonRootUser(BuildkitContainer bc) {
        Setting uid = bc.container().security("runAsUser");
        if (uid != null) {
            Long value = uid.integer();
            if (value == null || value == 0) {
                return null;
            }
            return new User(value, "as uid " + value + " (`runAsUser: " + value + "` in "
                    + (uid.podLevel() ? "the pod's securityContext, which only a patch sets"
                    : "the container's securityContext") + ")");
        }
        if (bc.runsDaemon() && bc.flavor() == ImageFlavor.ROOTLESS) {
            return new User(1000, "as uid 1000 (the rootless image's `USER 1000:1000`)");
        }
        return null;
    }

    /** A {@code cd} or {@code pushd} before the build changes what the relative path names: stay silent. */
    private static boolean changesDirectory(BuildkitContainer bc, Invocation inv) {
        if (bc.shell() == null) {
            return true;
        }
        int at = inv.command().command().start();
        for (SimpleCommand c : bc.shell().commands()) {
            if (c.start() >= at) {
                break;
            }
            String program = c.programName();
            if ("cd".equals(program) || "pushd".equals(program)) {
                return true;
            }
        }
        return false;
    }

    private static void report(Reporter reporter, StepAnalysis step, PodContainer c, Invocation inv, Flag flag,
                               String write, User user) {
        Setting gid = c.security("runAsGroup");
        Long group = gid == null || gid.integer() == null || gid.integer() == 0 ? null : gid.integer();
        String uid = String.valueOf(user.uid());
        String groupValue = group != null ? String.valueOf(group) : uid;
        reporter.report(inv.flagSpan(flag), write + " in container `" + c.name() + "` writes into the root-owned "
                + "checkout as uid " + uid + ".", "Container `" + c.name() + "` runs " + user.how() + " and the "
                + "checkout belongs to root: the controller chowns `/workspace` to the pod's user only when the "
                + "plugin's `podSpec` sets a pod-level `securityContext.runAsUser` (it reads podSpec before any "
                + "patch), so the write fails with `permission denied`.",
                new Fix("Run the whole pod as uid " + uid + " in podSpec, so the checkout is owned by it.",
                        "securityContext:\n  runAsUser: " + uid + "\n  runAsGroup: " + groupValue,
                        edits(step.plugin().podSpec(), uid, groupValue)));
    }

    private static List<Edit> edits(YMap podSpec, String uid, String gid) {
        if (podSpec == null) {
            return List.of();
        }
        YEntry sc = podSpec.entry("securityContext");
        if (sc == null) {
            return YamlEdits.insertBlock(podSpec, "securityContext:\n  runAsUser: " + uid + "\n  runAsGroup: " + gid);
        }
        if (!(sc.value() instanceof YMap map) || sc.merged()) {
            return List.of();
        }
        StringBuilder lines = new StringBuilder();
        if (map.entry("runAsUser") == null) {
            lines.append("runAsUser: ").append(uid);
        }
        if (map.entry("runAsGroup") == null) {
            lines.append(lines.length() > 0 ? "\n" : "").append("runAsGroup: ").append(gid);
        }
        return lines.length() == 0 ? List.of() : YamlEdits.insertBlock(map, lines.toString());
    }
}
