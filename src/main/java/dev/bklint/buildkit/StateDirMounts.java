package dev.bklint.buildkit;

import dev.bklint.kubernetes.Mount;
import dev.bklint.kubernetes.PodContainer;

/**
 * How a daemon's state directory relates to its mounts, computed once per daemon ({@link BuildkitContainer#stateDirMounts()})
 * for the cache rules: the mount at the
 * state directory, a writable volume mounted above it (which then holds the state), a mount at the other mode's
 * directory, and a mount left behind at the rootless default after {@code XDG_DATA_HOME}/{@code HOME} moved the
 * state away.
 */
public record StateDirMounts(StateDir stateDir, Mount atStateDir, Holder covering, Mount atOtherMode, Mount leftBehind) {

    /** A writable volume mounted above the state directory, which then holds the state. */
    public record Holder(String description, String mountPath) {
    }

    private static final String WORKSPACE = "/workspace";

    static StateDirMounts of(BuildkitContainer daemon) {
        StateDir dir = daemon.stateDir();
        if (dir == null || daemon.container() == null) {
            return null;
        }
        var c = daemon.container();
        String other = daemon.mode().isRootless() ? StateDir.ROOTFUL : StateDir.ROOTLESS_DEFAULT;
        Mount leftBehind = null;
        if (daemon.mode().isRootless() && (dir.origin() == StateDir.Origin.XDG_DATA_HOME
                || dir.origin() == StateDir.Origin.HOME)) {
            leftBehind = c.mountAt(StateDir.ROOTLESS_DEFAULT);
        }
        Mount at = c.mountAt(dir.path());
        return new StateDirMounts(dir, at, at == null ? holder(c, dir.path()) : null, c.mountAt(other), leftBehind);
    }

    /**
     * The writable volume that holds {@code path}: the container's own mount above it, else, in an Agent Stack for
     * Kubernetes pod, the controller's workspace volume (an emptyDir unless configured), which it mounts at
     * {@code /workspace} in every command container and sidecar after their own mounts
     * (buildkite/agent-stack-k8s@a5d56d1dacaf, research agent-stack-k8s.md §pod layout).
     */
    private static Holder holder(PodContainer c, String path) {
        Mount own = c.writableMountCovering(path);
        if (own != null) {
            String kind = own.volumeKind();
            return new Holder((kind == null ? "volume" : "the " + kind + " volume") + " `" + own.volumeName() + "`",
                    own.mountPath());
        }
        String p = Mount.normalise(path);
        boolean underWorkspace = p.equals(WORKSPACE) || p.startsWith(WORKSPACE + "/");
        if (underWorkspace && c.pod().step() != null && c.kind() != PodContainer.Kind.UNMANAGED
                && c.mountAt(WORKSPACE) == null) {
            return new Holder("the controller's workspace volume", WORKSPACE);
        }
        return null;
    }
}
