package dev.bklint.rules.security;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.BuildkitdToml;
import dev.bklint.buildkit.EnvValue;
import dev.bklint.kubernetes.Mount;
import dev.bklint.kubernetes.MountedConfigMap;
import dev.bklint.kubernetes.PodContainer;
import java.util.List;

/**
 * The {@code buildkitd.toml} a daemon reads, when a ConfigMap of the same file puts it there. buildkitd reads
 * {@code --config}, by default {@code /etc/buildkit/buildkitd.toml}, or in rootless mode (a user namespace and a
 * {@code USER} other than root) {@code $XDG_CONFIG_HOME/buildkit} or {@code $HOME/.config/buildkit}
 * (moby/buildkit@73ed6825c4b7:cmd/buildkitd/main.go:169-174, 547-551, 631-642; util/appdefaults/
 * appdefaults_unix.go:13, 68-79); the rootless image sets {@code HOME=/home/user} and {@code USER=user}
 * (Dockerfile:500-504). A missing file is no error (config/load.go:21-27).
 *
 * @param path the path read, or null when no file is mounted where the daemon may read one
 * @param file the ConfigMap entry mounted there, or null
 * @param toml its settings, or null
 * @param unknown true when something is mounted where the daemon may read its config but this file cannot say what
 */
record DaemonConfig(String path, MountedConfigMap.File file, BuildkitdToml toml, boolean unknown) {
    static final String ROOTFUL = "/etc/buildkit/buildkitd.toml";
    static final String ROOTLESS = "/home/user/.config/buildkit/buildkitd.toml";

    private static final DaemonConfig NONE = new DaemonConfig(null, null, null, false);
    private static final DaemonConfig UNKNOWN = new DaemonConfig(null, null, null, true);

    static DaemonConfig of(BuildkitContainer daemon) {
        PodContainer c = daemon.container();
        if (c == null) {
            return NONE;
        }
        List<String> paths = paths(daemon);
        if (paths == null) {
            return UNKNOWN;
        }
        if (paths.size() != 1) {
            // the mode decides which file is read: stay silent when either place has one
            return paths.stream().anyMatch(p -> mounted(c, p)) ? UNKNOWN : NONE;
        }
        String path = paths.get(0);
        MountedConfigMap.File file = MountedConfigMap.at(c, path);
        if (file == null) {
            return mounted(c, path) ? UNKNOWN : NONE;
        }
        BuildkitdToml toml = BuildkitdToml.parse(file.text().value());
        return toml == null ? UNKNOWN : new DaemonConfig(path, file, toml, false);
    }

    /** The path the daemon reads, both defaults when the mode is not known, or null when it cannot be told. */
    private static List<String> paths(BuildkitContainer daemon) {
        String flag = daemon.flags().valueOf("--config");
        if (flag != null) {
            String p = flag.replace("\"", "").replace("'", "");
            return p.startsWith("/") && !p.contains("$") ? List.of(p) : null;
        }
        if (daemon.mode().isRootful()) {
            return List.of(ROOTFUL);
        }
        if (!daemon.mode().isRootless() || daemon.env() == null) {
            return List.of(ROOTFUL, ROOTLESS);
        }
        EnvValue user = daemon.env().get("USER");
        if (user != null && (user.value().isEmpty() || user.value().equals("root"))) {
            return List.of(ROOTFUL);
        }
        EnvValue xdg = daemon.env().get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.value().isEmpty()) {
            return known(xdg.value()) ? List.of(Mount.normalise(xdg.value()) + "/buildkit/buildkitd.toml") : null;
        }
        EnvValue home = daemon.env().get("HOME");
        if (home != null && !home.value().isEmpty()) {
            return known(home.value()) ? List.of(Mount.normalise(home.value()) + "/.config/buildkit/buildkitd.toml") : null;
        }
        return List.of(ROOTLESS);
    }

    /** Something that can hold a file is mounted at the file or at its directory. */
    private static boolean mounted(PodContainer c, String path) {
        String dir = path.substring(0, path.lastIndexOf('/'));
        for (Mount m : c.mounts()) {
            if ((m.isAt(path) || m.isAt(dir)) && !"emptyDir".equals(m.volumeKind())) { // an emptyDir starts empty
                return true;
            }
        }
        return false;
    }

    private static boolean known(String value) {
        return !value.contains("$") && !value.contains("{{") && value.startsWith("/");
    }
}
