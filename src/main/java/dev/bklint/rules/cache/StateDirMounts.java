package dev.bklint.rules.cache;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.StateDir;
import dev.bklint.kubernetes.Mount;

/**
 * How a daemon's state directory relates to its mounts, computed once for the cache rules: the mount at the
 * state directory, a mount at the other mode's directory, and a mount left behind at the rootless default
 * after {@code XDG_DATA_HOME}/{@code HOME} moved the state away.
 */
record StateDirMounts(StateDir stateDir, Mount atStateDir, Mount atOtherMode, Mount leftBehind) {

    static StateDirMounts of(BuildkitContainer daemon) {
        StateDir dir = daemon.stateDir();
        if (dir == null || daemon.container() == null) {
            return null;
        }
        var c = daemon.container();
        String other = daemon.mode().isRootless() ? StateDir.ROOTFUL : StateDir.ROOTLESS_DEFAULT;
        Mount leftBehind = null;
        if (daemon.mode().isRootless() && !dir.isDefault() && !dir.reason().startsWith("`--root")) {
            leftBehind = c.mountAt(StateDir.ROOTLESS_DEFAULT);
        }
        return new StateDirMounts(dir, c.mountAt(dir.path()), c.mountAt(other), leftBehind);
    }
}
