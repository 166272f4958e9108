package dev.bklint.finding;

import java.util.Locale;

/**
 * How far a fix can be trusted to be applied without a person reading it (ruff's levels). {@code --fix} applies
 * only {@link #SAFE} edits, {@code --fix --unsafe-fixes} also {@link #UNSAFE} ones; {@link #DISPLAY_ONLY} is advice.
 */
public enum Applicability {
    /** The edits certainly do what the finding asks and nothing else. */
    SAFE,
    /** The edits change behaviour a user may rely on (an image tag, a user id, a guessed name). */
    UNSAFE,
    /** No edits: the fix is advice a person carries out. */
    DISPLAY_ONLY;

    /** The spelling in JSON, SARIF and the rule files: {@code safe}, {@code unsafe}, {@code display-only}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a rule file's {@code fix_applicability}; only fixes with edits declare one. */
    public static Applicability ofLabel(String label) {
        return switch (label) {
            case "safe" -> SAFE;
            case "unsafe" -> UNSAFE;
            default -> throw new IllegalArgumentException("unknown fix applicability `" + label + "`");
        };
    }
}
