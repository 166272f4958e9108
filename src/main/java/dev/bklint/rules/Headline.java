package dev.bklint.rules;

/** Picks a finding's headline: the most specific of several wordings that fits in {@value #MAX} characters. */
public final class Headline {
    /** A headline's length on one line, names included. */
    public static final int MAX = 120;

    private Headline() {
    }

    /** True when {@code text} fits in a headline. */
    public static boolean fits(String text) {
        return text.codePointCount(0, text.length()) <= MAX;
    }

    /** The first wording that fits, most specific first; the last one when none does. */
    public static String first(String... wordings) {
        for (String w : wordings) {
            if (fits(w)) {
                return w;
            }
        }
        return wordings[wordings.length - 1];
    }
}
