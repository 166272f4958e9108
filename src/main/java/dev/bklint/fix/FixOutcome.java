package dev.bklint.fix;

import dev.bklint.engine.FileResult;

/**
 * What {@code --fix} made of one file. {@code result} is what to report: the fixed text's findings, or the
 * original's when the fix was refused ({@code refusal} then says why, and nothing may be written).
 */
public record FixOutcome(FileResult original, FileResult result, int fixed, int passes, String refusal) {
    static FixOutcome done(FileResult original, FileResult result, int fixed, int passes) {
        return new FixOutcome(original, result, fixed, passes, null);
    }

    static FixOutcome refused(FileResult original, String reason) {
        return new FixOutcome(original, original, 0, 0, reason);
    }

    /** True when the fixed text differs from the original and may be written. */
    public boolean changed() {
        return refusal == null && !result.source().text().equals(original.source().text());
    }

    public String fixedText() {
        return result.source().text();
    }
}
