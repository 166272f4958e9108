package dev.bklint.engine;

import dev.bklint.source.Span;
import java.util.List;

/**
 * What bklint understood of one BuildKit container of a step, for {@code inspect} and JSON output; {@code interposer}
 * is the Buildkite step's effective interposer and where it was set (shown by {@code inspect}), null outside a step.
 */
public record StepSummary(String path, int line, String label, String container, String image, String imageSource,
                          boolean daemon, String mode, List<Item> evidence, List<String> missing, String daemonFlags,
                          String stateDir, List<String> buildctl, String interposer) {

    /** One piece of evidence with its position. */
    public record Item(String signal, String detail, Span span) {
    }
}
