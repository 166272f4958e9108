package dev.bklint.report;

/**
 * The one place that decides which characters of a pipeline may not reach a reader raw, and how they are shown
 * instead. A pipeline is written by whoever opens the pull request: an {@code ESC [} sequence in an image name would
 * repaint the reader's terminal, an {@code ESC ]0;} one retitle it, a line break in a key would start a line of its
 * own in a CI log (where {@code ::error} is a GitHub workflow command), and a bidi override would reorder what is
 * shown (as in "Trojan Source").
 *
 * <p>Unsafe are: C0 controls (tab and line breaks included), DEL, C1 controls, the bidi embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C), the line and paragraph separators (U+2028, U+2029) and lone surrogates.
 * They are shown as {@code \e} (ESC), {@code \n}, {@code \r}, {@code \t}, {@code \xNN} (other C0 and DEL) and
 * {@code \}{@code uNNNN} (the rest). A backslash itself is left as it is, so messages quoting shell lines stay
 * readable; the escaped form is for display, not for reading back.
 *
 * <p>Human formats (text, gnu, github, buildkite, XML messages, SARIF messages) show text through {@link #visible};
 * the JSON writer keeps the data exact and writes unsafe characters as JSON {@code \}{@code u} escapes.
 */
public final class SafeText {
    private SafeText() {
    }

    /** Whether a UTF-16 unit may not be written raw (surrogates are judged in pairs by the methods below). */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029 || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** Whether {@code s} holds nothing {@link #visible} would change (the common case: no copy is made). */
    public static boolean isSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (isUnsafe(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} on one line with every unsafe character shown escaped. */
    public static String visible(String s) {
        if (s == null || isSafe(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        appendVisible(b, s, 0, s.length());
        return b.toString();
    }

    /** Appends {@code s[from, to)} with every unsafe character shown escaped; pairs split by the range are lone. */
    public static void appendVisible(StringBuilder b, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (isUnsafe(c) || Character.isSurrogate(c)) {
                b.append(escape(c));
            } else {
                b.append(c);
            }
        }
    }

    /** The escaped form of one unsafe unit: {@code \e}, {@code \n}, {@code \r}, {@code \t}, {@code \x7f}, ... */
    public static String escape(char c) {
        switch (c) {
            case 0x1B: return "\\e";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default:
                return c < 0x20 || c == 0x7F ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        }
    }

    /**
     * Text that is several lines by design (a fix's snippet): each line shown {@link #visible}, joined by
     * {@code \n}. CR LF and CR count as line breaks too.
     */
    public static String visibleLines(String s) {
        if (s == null || isSafe(s.replace('\n', ' '))) {
            return s;
        }
        String[] lines = s.split("\r\n|\r|\n", -1);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            b.append(i == 0 ? "" : "\n").append(visible(lines[i]));
        }
        return b.toString();
    }

    /**
     * {@code text} (a path, a line of {@code inspect}) shown {@link #visible}, to start a line of output: a line that a
     * GitHub Actions runner (or anything that reads workflow commands from a log) could take for a command, its first
     * characters after white space being {@code ::}, gets {@code ./} in front. White space is counted as .NET's
     * TrimStart counts it, no-break spaces included.
     */
    public static String atLineStart(String text) {
        String line = visible(text);
        int i = 0;
        while (i < line.length() && (Character.isWhitespace(line.charAt(i)) || Character.isSpaceChar(line.charAt(i)))) {
            i++;
        }
        return line.startsWith("::", i) ? "./" + line : line;
    }
}
