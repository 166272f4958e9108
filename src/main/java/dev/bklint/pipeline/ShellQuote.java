package dev.bklint.pipeline;

import java.util.Arrays;
import java.util.List;

/**
 * One word quoted as the controller quotes it: kballard/go-shellquote at 95032a82bc51 (the version
 * buildkite/agent-stack-k8s@a5d56d1 go.mod:18 pins), quote.go:23-109. The characters of {@link #SPECIAL} (and a
 * leading tilde) are backslash-escaped, unless the word holds a space, tab or newline: then the whole word is
 * single-quoted, each single quote written as backslash and quote outside the quotes. An empty word is two single
 * quotes.
 */
public final class ShellQuote {
    /** What go-shellquote escapes with a backslash. */
    static final String SPECIAL = "\\'\"`${[|&;<>()*?!";
    private static final String EXTRA_SPECIAL = " \t\n";

    private ShellQuote() {
    }

    /** {@code shellquote.Join}: each word quoted, joined with spaces (quote.go:9-21). */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(w).text());
        }
        return b.toString();
    }

    /** The quoted text, and for each of its characters the offset in the word it stands for. */
    @SuppressWarnings("ArrayRecordComponent") // never compared or hashed
    record Quoted(String text, int[] toValue) {
    }

    static Quoted quote(String word) {
        Builder b = new Builder(word.length());
        if (word.isEmpty()) {
            b.add('\'', 0).add('\'', 0);
            return b.build();
        }
        for (int i = 0; i < word.length(); i++) {
            if (EXTRA_SPECIAL.indexOf(word.charAt(i)) >= 0) {
                return singleQuoted(word);
            }
        }
        // All the special characters are ASCII, so testing UTF-16 units is testing Go's runes.
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (SPECIAL.indexOf(c) >= 0 || i == 0 && c == '~') {
                b.add('\\', i);
            }
            b.add(c, i);
        }
        return b.build();
    }

    /** Quote mode (quote.go:71-109): runs without {@code '} inside single quotes, each {@code '} as {@code \'}. */
    private static Quoted singleQuoted(String word) {
        Builder b = new Builder(word.length() + 2);
        boolean inQuote = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'') {
                if (inQuote) {
                    b.add('\'', i);
                    inQuote = false;
                }
                b.add('\\', i).add('\'', i);
            } else {
                if (!inQuote) {
                    b.add('\'', i);
                    inQuote = true;
                }
                b.add(c, i);
            }
        }
        if (inQuote) {
            b.add('\'', word.length() - 1);
        }
        return b.build();
    }

    private static final class Builder {
        private final StringBuilder text;
        private int[] map;

        Builder(int capacity) {
            text = new StringBuilder(capacity + 2);
            map = new int[capacity + 2];
        }

        Builder add(char c, int valueOffset) {
            if (text.length() == map.length) {
                map = Arrays.copyOf(map, map.length * 2 + 2);
            }
            map[text.length()] = valueOffset;
            text.append(c);
            return this;
        }

        Quoted build() {
            return new Quoted(text.toString(), Arrays.copyOf(map, text.length()));
        }
    }
}
