package dev.bklint.report;

/**
 * Escaping for XML 1.0 reports: attribute values and text content. Line breaks and tabs keep their meaning (as
 * character references in attributes); every other character {@link SafeText} calls unsafe is shown as its
 * {@link SafeText} escape, because XML 1.0 cannot carry C0 controls at all and its readers (Jenkins, Test Engine)
 * show the rest to people.
 */
final class Xml {
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private Xml() {
    }

    /** An attribute value (to write between double quotes); line breaks and tabs survive as character references. */
    static String attr(String s) {
        return escape(s, true);
    }

    /** Text content. */
    static String text(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append(attribute ? "&quot;" : "\""); break;
                case '\'': b.append(attribute ? "&apos;" : "'"); break;
                case '\n': b.append(attribute ? "&#10;" : "\n"); break;
                case '\r': b.append("&#13;"); break;
                case '\t': b.append(attribute ? "&#9;" : "\t"); break;
                default:
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pair) {
                        b.append(c).append(s.charAt(++i));
                    } else if (SafeText.isUnsafe(c) || Character.isSurrogate(c)) {
                        // C0 controls are not allowed in XML 1.0, not even as references; the others are shown
                        // escaped too, as the text formats show them
                        b.append(SafeText.escape(c));
                    } else if (c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD'); // not characters, not allowed in XML 1.0
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
