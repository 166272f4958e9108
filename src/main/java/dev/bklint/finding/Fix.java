package dev.bklint.finding;

import java.util.List;

/**
 * A concrete fix: a one-line description, the edits that apply it, and how safe they are to apply unread.
 * {@code edits} may be empty when the fix cannot be applied mechanically (then {@code snippet} shows what to write);
 * such a fix is always {@link Applicability#DISPLAY_ONLY}.
 */
public record Fix(String description, String snippet, List<Edit> edits, Applicability applicability) {

    public Fix {
        edits = List.copyOf(edits);
        if (edits.isEmpty()) {
            applicability = Applicability.DISPLAY_ONLY;
        } else if (applicability == null || applicability == Applicability.DISPLAY_ONLY) {
            // Edits a rule has not vouched for are never applied by a plain --fix.
            applicability = Applicability.UNSAFE;
        }
    }

    /**
     * A fix whose applicability is the rule's: rules write fixes this way and {@code Reporter} stamps the level
     * declared in the rule's {@code rules/BKnnn.yaml} ({@code fix_applicability}).
     */
    public Fix(String description, String snippet, List<Edit> edits) {
        this(description, snippet, edits, null);
    }

    public static Fix describe(String description, String snippet) {
        return new Fix(description, snippet, List.of());
    }

    /** True when the fix has edits that {@code --fix} may apply at the given level. */
    public boolean appliedWith(boolean unsafeToo) {
        return applicability == Applicability.SAFE || unsafeToo && applicability == Applicability.UNSAFE;
    }

    public Fix withApplicability(Applicability level) {
        return new Fix(description, snippet, edits, level);
    }

    public Fix withTexts(String description, String snippet) {
        return new Fix(description, snippet, edits, applicability);
    }
}
