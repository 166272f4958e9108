package dev.bklint.buildkit;

import dev.bklint.source.Span;

/** Where a container starts buildkitd: by {@code buildctl-daemonless.sh}, {@code buildkitd}, or the image entrypoint. */
public record DaemonStart(String how, Span span, int scriptOffset) {
    public boolean viaEntrypoint() {
        return scriptOffset < 0;
    }
}
