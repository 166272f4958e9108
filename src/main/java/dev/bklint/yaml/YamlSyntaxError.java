package dev.bklint.yaml;

import dev.bklint.source.Span;

/**
 * The input is not YAML that bklint can load; {@code span} is where the problem is. Either the text is not YAML
 * (or not a tree Buildkite can read), or it is but goes past one of bklint's own bounds on the work a file may cause
 * ({@link #overLimit()}: nesting, alias copies), which Buildkite's parser does not share.
 */
public final class YamlSyntaxError extends Exception {
    private final Span span;
    private final boolean overLimit;

    public YamlSyntaxError(String message, Span span) {
        this(message, span, false);
    }

    private YamlSyntaxError(String message, Span span, boolean overLimit) {
        super(message, null, false, false);
        this.span = span;
        this.overLimit = overLimit;
    }

    /** Valid YAML that goes past one of bklint's bounds, so that the file is not linted. */
    static YamlSyntaxError overLimit(String message, Span span) {
        return new YamlSyntaxError(message, span, true);
    }

    public Span span() {
        return span;
    }

    /** True when the file is YAML but exceeds bklint's bounds, not an error Buildkite would report. */
    public boolean overLimit() {
        return overLimit;
    }
}
