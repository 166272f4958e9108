package dev.bklint.pipeline;

/**
 * What Go's {@code strconv.Atoi(strings.TrimSpace(text))} says about a substring offset or length in
 * buildkite/interpolate (parser.go:284,298): an optional sign and decimal digits that fit an int64, else an error
 * whose text the upload failure quotes ({@code strconv.Atoi: parsing "?msg": invalid syntax}).
 */
final class GoAtoi {
    private GoAtoi() {
    }

    /** Null when Go accepts {@code text}, else Go's error text. */
    static String error(String text) {
        String t = trimSpace(text);
        int i = t.startsWith("+") || t.startsWith("-") ? 1 : 0;
        if (i == t.length()) {
            return syntax(t);
        }
        for (int j = i; j < t.length(); j++) {
            if (t.charAt(j) < '0' || t.charAt(j) > '9') {
                return syntax(t);
            }
        }
        try {
            Long.parseLong(t.charAt(0) == '+' ? t.substring(1) : t);
            return null;
        } catch (NumberFormatException tooBig) {
            return "strconv.Atoi: parsing " + quote(t) + ": value out of range";
        }
    }

    private static String syntax(String t) {
        return "strconv.Atoi: parsing " + quote(t) + ": invalid syntax";
    }

    /** {@code strings.TrimSpace}: Go's {@code unicode.IsSpace} at both ends. */
    static String trimSpace(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    /** Go's {@code unicode.IsSpace}: ASCII white space, U+0085, U+00A0 and the Unicode space separators. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u0085' || c == '\u00A0' || Character.isSpaceChar(c);
    }

    /** {@code strconv.Quote} for the texts that reach it here: quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\t': b.append("\\t"); break;
                case '\r': b.append("\\r"); break;
                default:
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
