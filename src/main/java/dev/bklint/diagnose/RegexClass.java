package dev.bklint.diagnose;

/** Where a character class ends in a pattern's text, for the two readers of pattern text (safety and literals). */
final class RegexClass {
    private RegexClass() {
    }

    /** Whether the class whose {@code [} is at {@code start} begins with a {@code ]} (after an optional {@code ^}). */
    static boolean leadingBracket(String regex, int start) {
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        return i < regex.length() && regex.charAt(i) == ']';
    }

    /**
     * The index after the {@code ]} that closes the class whose {@code [} is at {@code start}, skipping escapes and
     * nested classes; a {@code ]} first in the class is one of its characters, as in Java. -1 when it never closes.
     */
    static int end(String regex, int start) {
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
