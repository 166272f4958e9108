package dev.bklint.buildkit;

import dev.bklint.kubernetes.ImageRef;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.pipeline.CommandText;
import java.util.ArrayList;
import java.util.List;

/**
 * A container of a BuildKit step: its buildctl command lines, whether it starts the daemon, and for a daemon
 * the inferred mode with its evidence, the daemon flags and the state directory.
 */
public final class BuildkitContainer {
    private final BuildkitStep step;
    private final PodContainer container;
    private final CommandText script;
    private final ShellScript shell;
    final List<Invocation> invocations = new ArrayList<>();
    DaemonStart daemon;
    DaemonFlags flags;
    ImageFlavor flavor = ImageFlavor.UNKNOWN;
    Mode mode = Mode.UNKNOWN;
    final List<Evidence> evidence = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    StateDir stateDir;
    private StateDirMounts stateDirMounts;
    private boolean mountsKnown;
    EnvLookup env;

    BuildkitContainer(BuildkitStep step, PodContainer container, CommandText script, ShellScript shell) {
        this.step = step;
        this.container = container;
        this.script = script;
        this.shell = shell;
    }

    public BuildkitStep step() {
        return step;
    }

    /** The pod container; null when the step runs outside Kubernetes as far as the pipeline shows. */
    public PodContainer container() {
        return container;
    }

    public String name() {
        return container == null ? "the step" : container.name();
    }

    public ImageRef image() {
        return container == null ? null : container.imageRef();
    }

    public CommandText script() {
        return script;
    }

    public ShellScript shell() {
        return shell;
    }

    public List<Invocation> invocations() {
        return invocations;
    }

    /** Where this container starts buildkitd, or null for a client-only container. */
    public DaemonStart daemon() {
        return daemon;
    }

    public boolean runsDaemon() {
        return daemon != null;
    }

    /** The effective {@code BUILDKITD_FLAGS} (an empty value when unset). */
    public DaemonFlags flags() {
        return flags;
    }

    public boolean sandboxDisabled() {
        return flags != null && flags.has(DaemonFlags.NO_PROCESS_SANDBOX);
    }

    public ImageFlavor flavor() {
        return flavor;
    }

    public Mode mode() {
        return mode;
    }

    public List<Evidence> evidence() {
        return evidence;
    }

    /** Signals that were missing when the mode is unknown. */
    public List<String> missingSignals() {
        return missing;
    }

    /** How the state directory relates to the container's mounts; null when the directory is unknown. */
    public synchronized StateDirMounts stateDirMounts() {
        if (!mountsKnown) {
            stateDirMounts = StateDirMounts.of(this);
            mountsKnown = true;
        }
        return stateDirMounts;
    }

    public StateDir stateDir() {
        return stateDir;
    }

    /** Variables as the daemon's process sees them. */
    public EnvLookup env() {
        return env;
    }
}
