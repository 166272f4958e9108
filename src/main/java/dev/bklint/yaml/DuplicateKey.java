package dev.bklint.yaml;

import dev.bklint.source.Span;

/** A key written twice in one mapping: {@code first} is the earlier key, {@code repeated} the later one. */
public record DuplicateKey(String key, Span first, Span repeated) {
}
