package dev.bklint.yaml;

import dev.bklint.source.Span;

/** The input is not YAML that bklint can load; {@code span} is where the problem is. */
public final class YamlSyntaxError extends Exception {
    private final Span span;

    public YamlSyntaxError(String message, Span span) {
        super(message, null, false, false);
        this.span = span;
    }

    public Span span() {
        return span;
    }
}
