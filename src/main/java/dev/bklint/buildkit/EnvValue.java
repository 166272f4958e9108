package dev.bklint.buildkit;

import dev.bklint.source.Span;

/** A variable's value as a process sees it, with where it was set. */
public record EnvValue(String name, String value, String origin, Span span) {
}
