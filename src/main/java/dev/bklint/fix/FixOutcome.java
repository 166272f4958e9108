package dev.bklint.fix;

import dev.bklint.source.SourceFile;

/**
 * What {@code --fix} made of one file: the text it leaves ({@code fixed}, the original when the fix was refused,
 * {@code refusal} then saying why; nothing may be written), how many findings it fixed, in how many passes.
 */
public record FixOutcome(SourceFile original, SourceFile fixed, int fixedFindings, int passes, String refusal) {
    static FixOutcome done(SourceFile original, SourceFile fixed, int fixedFindings, int passes) {
        return new FixOutcome(original, fixed, fixedFindings, passes, null);
    }

    static FixOutcome refused(SourceFile original, String reason) {
        return new FixOutcome(original, original, 0, 0, reason);
    }

    /** True when the fixed text differs from the original and may be written. */
    public boolean changed() {
        return refusal == null && !fixed.text().equals(original.text());
    }

    public String fixedText() {
        return fixed.text();
    }
}
