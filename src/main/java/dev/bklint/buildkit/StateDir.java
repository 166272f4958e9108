package dev.bklint.buildkit;

import dev.bklint.source.Span;

/**
 * Where buildkitd keeps its state in a container, and why: {@code --root}, else for rootless
 * {@code $XDG_DATA_HOME/buildkit} or {@code $HOME/.local/share/buildkit}, else {@code /var/lib/buildkit}.
 */
public record StateDir(String path, Origin origin, String reason, Span span) {
    public static final String ROOTFUL = "/var/lib/buildkit";
    public static final String ROOTLESS_DEFAULT = "/home/user/.local/share/buildkit";

    /** What decided the directory; {@code reason} says it in words, with the value and where it is set. */
    public enum Origin { ROOT_FLAG, XDG_DATA_HOME, HOME, DEFAULT }

    /** True when the directory is where the mode would put it without any override. */
    public boolean isDefault() {
        return origin == Origin.DEFAULT;
    }
}
