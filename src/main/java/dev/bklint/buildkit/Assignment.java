package dev.bklint.buildkit;

/**
 * A {@code NAME=value} assignment.
 *
 * @param start      raw offset of the first character of {@code NAME}
 * @param end        raw offset just past the raw value (exclusive)
 * @param valueStart raw offset just past the raw {@code =}; an opening quote of the value lies at or after it
 * @param exported   true when set by {@code export} (or {@code declare -x})
 */
public record Assignment(String name, String value, int start, int end, int valueStart, boolean exported) {
}
