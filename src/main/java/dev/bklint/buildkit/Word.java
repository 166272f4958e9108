package dev.bklint.buildkit;

/**
 * One shell word.
 *
 * @param value the word after quote removal (expansions such as {@code $VAR} stay literal)
 * @param start raw offset of the first character, including any opening quote
 * @param end   raw offset just past the last character (exclusive)
 */
public record Word(String value, int start, int end) {
}
