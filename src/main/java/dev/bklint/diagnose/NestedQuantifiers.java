package dev.bklint.diagnose;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether a regex repeats without bound a group that itself holds an unbounded quantifier ({@code (a+)+},
 * {@code (?:x*y)*}, {@code (a{2,})+}): on a line that almost matches, such a pattern backtracks exponentially. Reads the
 * pattern's text as the regex engine does, so that escaped parentheses ({@code \(x+\)+}), parentheses in a character
 * class ({@code [()]+}) and {@code \Q...\E} quotes are plain characters, not groups.
 */
final class NestedQuantifiers {
    private NestedQuantifiers() {
    }

    /** True when {@code regex} has a group with an unbounded quantifier inside that is repeated without bound. */
    static boolean find(String regex) {
        // For each open group: whether something inside it is repeated without bound.
        Deque<boolean[]> open = new ArrayDeque<>();
        boolean[] top = {false};
        open.push(top);
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            boolean groupClosed = false;
            boolean innerUnbounded = false;
            if (c == '\\') {
                if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    i = end < 0 ? n : end + 2; // quoted text: plain characters, none repeated
                    continue;
                }
                i = afterEscape(regex, i);
            } else if (c == '[') {
                i = afterClass(regex, i);
            } else if (c == '(') {
                open.push(new boolean[] {false});
                i++;
                continue;
            } else if (c == ')') {
                if (open.size() > 1) {
                    innerUnbounded = open.pop()[0];
                    groupClosed = true;
                }
                i++;
            } else {
                i++;
            }
            // What just ended (a character, an escape, a class or a group) may carry a quantifier.
            int after = quantifierEnd(regex, i);
            boolean unbounded = after > i && isUnbounded(regex.substring(i, after));
            if (groupClosed && innerUnbounded && unbounded) {
                return true;
            }
            if (unbounded || innerUnbounded) {
                open.peek()[0] = true;
            }
            i = after;
        }
        return false;
    }

    /** The index after an escape at {@code i}: {@code \p{Alpha}}, {@code \x{263A}} and {@code \k<name>} whole. */
    private static int afterEscape(String regex, int i) {
        char e = i + 1 < regex.length() ? regex.charAt(i + 1) : ' ';
        int close = -1;
        if ("pPxN".indexOf(e) >= 0 && regex.startsWith("{", i + 2)) {
            close = regex.indexOf('}', i + 2);
        } else if (e == 'k' && regex.startsWith("<", i + 2)) {
            close = regex.indexOf('>', i + 2);
        }
        return close < 0 ? i + 2 : close + 1;
    }

    /** The index after a character class starting at {@code start} (the pattern's end when it never closes). */
    private static int afterClass(String regex, int start) {
        int end = RegexClass.end(regex, start);
        return end < 0 ? regex.length() : end;
    }

    /** The index after the quantifier (with its lazy or possessive mark) at {@code i}, or {@code i} when none. */
    private static int quantifierEnd(String regex, int i) {
        if (i >= regex.length()) {
            return i;
        }
        char c = regex.charAt(i);
        int end;
        if (c == '*' || c == '+' || c == '?') {
            end = i + 1;
        } else if (c == '{') {
            int close = regex.indexOf('}', i);
            if (close < 0) {
                return i;
            }
            end = close + 1;
        } else {
            return i;
        }
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++;
        }
        return end;
    }

    /** {@code *}, {@code +} and {@code {n,}} repeat without bound; {@code ?}, {@code {n}} and {@code {n,m}} do not. */
    private static boolean isUnbounded(String quantifier) {
        char c = quantifier.charAt(0);
        return c == '*' || c == '+' || (c == '{' && quantifier.replaceFirst("[?+]$", "").endsWith(",}"));
    }
}
