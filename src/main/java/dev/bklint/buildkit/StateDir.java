package dev.bklint.buildkit;

import dev.bklint.source.Span;

/**
 * Where buildkitd keeps its state in a container, and why: {@code --root}, else for rootless
 * {@code $XDG_DATA_HOME/buildkit} or {@code $HOME/.local/share/buildkit}, else {@code /var/lib/buildkit}.
 */
public record StateDir(String path, String reason, Span span) {
    public static final String ROOTFUL = "/var/lib/buildkit";
    public static final String ROOTLESS_DEFAULT = "/home/user/.local/share/buildkit";

    /** True when the directory is where the mode would put it without any override. */
    public boolean isDefault() {
        return span == null;
    }
}
