package dev.bklint.diagnose;

/** One normalised line of a log: the input it came from, its 1-based line number there, and its visible text. */
public record LogLine(String path, int number, String text) {
}
