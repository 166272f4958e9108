package dev.bklint.finding;

import dev.bklint.source.Span;

/**
 * One text replacement: the characters in {@code range} (empty for an insertion) become {@code text}.
 * Lines and columns are 1-based, end exclusive, as everywhere in bklint.
 */
public record Edit(Span range, String text) {
}
