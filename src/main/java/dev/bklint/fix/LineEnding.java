package dev.bklint.fix;

/**
 * Rules write their inserted lines with {@code \n}; in a file written with CRLF they must end the same way, or the
 * fixed file would mix line endings.
 */
final class LineEnding {
    private LineEnding() {
    }

    /** The file's line ending, judged by its first line break; {@code \n} for a file of one line. */
    static String of(String text) {
        int lf = text.indexOf('\n');
        return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
    }

    static String adapt(String inserted, String lineEnd) {
        if (lineEnd.equals("\n") || inserted.indexOf('\n') < 0) {
            return inserted;
        }
        StringBuilder b = new StringBuilder(inserted.length() + 8);
        for (int i = 0; i < inserted.length(); i++) {
            char c = inserted.charAt(i);
            if (c == '\n' && (i == 0 || inserted.charAt(i - 1) != '\r')) {
                b.append('\r');
            }
            b.append(c);
        }
        return b.toString();
    }
}
