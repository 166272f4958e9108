package dev.bklint.pipeline;

import dev.bklint.source.Span;

/** A pipeline shape Buildkite would refuse (e.g. {@code steps} that is a string). */
public record PipelineProblem(String message, Span span) {
}
