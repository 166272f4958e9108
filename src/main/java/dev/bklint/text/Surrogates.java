package dev.bklint.text;

/** Cutting text without splitting a character outside the BMP. */
public final class Surrogates {
    private Surrogates() {
    }

    /** {@code index}, moved back one when it would fall between the two halves of a surrogate pair. */
    public static int pairStart(String s, int index) {
        if (index > 0 && index < s.length() && Character.isLowSurrogate(s.charAt(index))
                && Character.isHighSurrogate(s.charAt(index - 1))) {
            return index - 1;
        }
        return index;
    }
}
