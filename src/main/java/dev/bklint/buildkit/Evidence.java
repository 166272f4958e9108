package dev.bklint.buildkit;

import dev.bklint.source.Span;

/** One signal that mode inference used: what it is, what it says, and where it is written. */
public record Evidence(String signal, String detail, Span span) {
}
