package dev.bklint.finding;

import java.util.List;

/**
 * A concrete fix: a one-line description and the edits that apply it. {@code edits} may be empty when the
 * fix cannot be applied mechanically (then {@code snippet} shows what to write).
 */
public record Fix(String description, String snippet, List<Edit> edits) {
    public static Fix describe(String description, String snippet) {
        return new Fix(description, snippet, List.of());
    }
}
