package dev.bklint.rules.buildctl;

/** Headlines that name a value when it fits, and fall back to a shorter wording when a long name would not. */
final class Headlines {
    /** The most a headline should take: about one line of a terminal, with the rule id before it. */
    static final int MAX = 120;

    private Headlines() {
    }

    /** {@code full} when it fits in {@link #MAX} characters, else {@code shorter}. */
    static String fit(String full, String shorter) {
        return full.codePointCount(0, full.length()) <= MAX ? full : shorter;
    }
}
