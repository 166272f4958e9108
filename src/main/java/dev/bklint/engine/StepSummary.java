package dev.bklint.engine;

import dev.bklint.source.Span;
import java.util.List;

/** What bklint understood of one BuildKit container of a step, for {@code inspect} and JSON output. */
public record StepSummary(String path, int line, String label, String container, String image, String imageSource,
                          boolean daemon, String mode, List<Item> evidence, List<String> missing, String daemonFlags,
                          String stateDir, List<String> buildctl) {

    /** One piece of evidence with its position. */
    public record Item(String signal, String detail, Span span) {
    }
}
