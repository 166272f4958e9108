package dev.bklint.buildkit;

import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.ImageRef;
import dev.bklint.kubernetes.Mount;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.CommandText;
import dev.bklint.pipeline.Env;
import dev.bklint.source.Span;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the containers of a step that run BuildKit: a {@code buildctl} or {@code buildctl-daemonless.sh}
 * command, a {@code buildkitd} start, or a {@code moby/buildkit} image. {@code docker build},
 * {@code docker buildx} and {@code DOCKER_BUILDKIT=1} are Docker's, not BuildKit steps.
 */
public final class BuildkitAnalyzer {
    private BuildkitAnalyzer() {
    }

    /** The step's BuildKit view, or null when nothing in it runs BuildKit. */
    public static BuildkitStep analyze(CommandStep step, EffectivePod pod) {
        BuildkitStep result = new BuildkitStep(step, pod);
        List<PodContainer> containers = pod == null ? new ArrayList<>() : pod.allContainers();
        if (pod == null) {
            containers.add(null);
        }
        for (PodContainer container : containers) {
            BuildkitContainer bc = container(result, step, container);
            if (bc != null) {
                result.containers.add(bc);
            }
        }
        return result.containers.isEmpty() ? null : result;
    }

    private static BuildkitContainer container(BuildkitStep owner, CommandStep step, PodContainer container) {
        CommandText script = container == null ? step.command() : container.script();
        ShellScript shell = script == null ? null : new ShellScript(script.text());
        BuildkitContainer bc = new BuildkitContainer(owner, container, script, shell);
        SimpleCommand daemonCommand = null;
        if (shell != null) {
            for (SimpleCommand c : shell.commands()) {
                Optional<BuildctlCommand> buildctl = BuildctlCommand.of(c, shell);
                buildctl.ifPresent(b -> bc.invocations.add(new Invocation(b, script, bc)));
                String how = daemonStart(c);
                if (how != null && bc.daemon == null) {
                    Word at = c.words().get(0);
                    bc.daemon = new DaemonStart(how, script.span(at.start(), at.end()), at.start());
                    daemonCommand = c;
                }
            }
        }
        ImageRef image = bc.image();
        boolean buildkitImage = image != null && image.isMobyBuildkit();
        if (bc.daemon == null && buildkitImage && container.kind() != PodContainer.Kind.COMMAND
                && !container.ownCommand()) {
            bc.daemon = new DaemonStart("the image's entrypoint", container.image().span(), -1);
        }
        if (bc.invocations.isEmpty() && bc.daemon == null && !buildkitImage) {
            return null;
        }
        if (bc.daemon != null) {
            bc.env = new EnvLookup(container, step == null ? Env.EMPTY : step.effectiveEnv(), script, shell,
                    daemonCommand);
            bc.flags = daemonFlags(bc, daemonCommand);
            ModeInference.infer(bc);
            bc.stateDir = stateDir(bc);
        }
        return bc;
    }

    /** How a command starts buildkitd, or null. */
    private static String daemonStart(SimpleCommand c) {
        String program = c.programName();
        if (program == null) {
            return null;
        }
        if (program.equals("buildctl-daemonless.sh") || program.equals("buildkitd")) {
            return program;
        }
        if (program.equals("rootlesskit") && c.words().size() > 1
                && basename(c.words().get(1).value()).equals("buildkitd")) {
            return "rootlesskit buildkitd";
        }
        return null;
    }

    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static DaemonFlags daemonFlags(BuildkitContainer bc, SimpleCommand daemonCommand) {
        if (bc.daemon.viaEntrypoint()) {
            YNode args = bc.container().node() == null ? null : bc.container().node().get("args");
            StringBuilder b = new StringBuilder();
            if (args instanceof YSeq seq) {
                for (YNode a : seq.items()) {
                    if (a instanceof YScalar s) {
                        b.append(s.value()).append(' ');
                    }
                }
            }
            var argsEntry = bc.container().node() == null ? null : bc.container().node().entry("args");
            return new DaemonFlags(b.toString().trim(), "the container's args",
                    argsEntry == null ? null : argsEntry.key().span());
        }
        if (!bc.daemon.how().equals("buildctl-daemonless.sh")) {
            List<Word> words = daemonCommand.words();
            int first = bc.daemon.how().startsWith("rootlesskit") ? 2 : 1;
            StringBuilder b = new StringBuilder();
            for (int i = first; i < words.size(); i++) {
                b.append(words.get(i).value()).append(' ');
            }
            Span span = words.size() > first
                    ? bc.script().span(words.get(first).start(), words.get(words.size() - 1).end()) : null;
            return new DaemonFlags(b.toString().trim(), "the buildkitd command line", span);
        }
        EnvValue v = bc.env.get("BUILDKITD_FLAGS");
        return v == null ? new DaemonFlags("", null, null) : new DaemonFlags(v.value(), v.origin(), v.span());
    }

    /**
     * Where the daemon keeps its state, as buildkitd derives it: {@code --root}, else for rootless
     * {@code appdefaults.UserRoot()}, the first entry of {@code $XDG_DATA_HOME} plus {@code /buildkit}, else
     * {@code $HOME/.local/share/buildkit} (moby/buildkit@73ed6825c4b7:util/appdefaults/appdefaults_unix.go:53-66,
     * applied only when no root is configured, cmd/buildkitd/main.go:612-615). Null when a value that decides it is
     * a parameter or an expansion ({@code $(params.x)}, {@code {{…}}}, {@code ${VAR}}): the file cannot tell.
     */
    private static StateDir stateDir(BuildkitContainer bc) {
        String root = bc.flags.valueOf("--root");
        if (root != null) {
            return unknown(root) ? null
                    : new StateDir(root, StateDir.Origin.ROOT_FLAG, "`--root " + root + "` in the daemon flags",
                            bc.flags.span());
        }
        if (bc.mode.isRootless()) {
            EnvValue xdg = bc.env.get("XDG_DATA_HOME");
            if (xdg != null && !xdg.value().isEmpty()) {
                if (unknown(xdg.value())) {
                    return null;
                }
                String first = xdg.value().split(":", -1)[0];
                return new StateDir(Mount.normalise(first) + "/buildkit", StateDir.Origin.XDG_DATA_HOME,
                        "`XDG_DATA_HOME=" + xdg.value() + "` (" + xdg.origin() + ")", xdg.span());
            }
            EnvValue home = bc.env.get("HOME");
            if (home != null && unknown(home.value())) {
                return null;
            }
            if (home != null && !home.value().isEmpty() && !Mount.normalise(home.value()).equals("/home/user")) {
                return new StateDir(Mount.normalise(home.value()) + "/.local/share/buildkit", StateDir.Origin.HOME,
                        "`HOME=" + home.value() + "` (" + home.origin() + ")", home.span());
            }
            return new StateDir(StateDir.ROOTLESS_DEFAULT, StateDir.Origin.DEFAULT,
                    "the rootless default ($HOME/.local/share/buildkit)", null);
        }
        if (bc.mode.isRootful()) {
            return new StateDir(StateDir.ROOTFUL, StateDir.Origin.DEFAULT, "the rootful default", null);
        }
        return null;
    }

    /** A value that a controller, the kubelet or the shell fills in at run time. */
    private static boolean unknown(String value) {
        return value.contains("$") || value.contains("{{");
    }
}
