package dev.bklint.text;

import java.util.List;
import java.util.Locale;

/**
 * Text from the input quoted in a message, bounded: a message quotes at most {@link #MAX_ITEMS} names of a list
 * and {@link #MAX_CHARS} characters of one value, so that its length does not grow with the input.
 */
public final class Quoted {
    public static final int MAX_ITEMS = 10;
    public static final int MAX_CHARS = 200;

    private Quoted() {
    }

    /** {@code text}, cut to {@link #MAX_CHARS} characters (not inside a surrogate pair) with "…" when longer. */
    public static String clip(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * The items joined with {@code separator}, {@code last} before the final one ("`a`, `b` and `c`"); past
     * {@link #MAX_ITEMS} the rest are counted instead ("`a`, `b`, ... `j` and 3,996 more").
     */
    public static String list(List<String> items, String separator, String last) {
        int n = items.size();
        StringBuilder b = new StringBuilder();
        int shown = Math.min(n, MAX_ITEMS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(i == n - 1 ? last : separator);
            }
            b.append(items.get(i));
        }
        if (n > shown) {
            b.append(String.format(Locale.ROOT, " and %,d more", n - shown));
        }
        return b.toString();
    }
}
