package dev.bklint.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Literal texts of which every match of a pattern contains one, read from the pattern's source: the longest run of
 * plain characters in its sequence, or, for alternatives ({@code (?:a|b)}, {@code a|b}), one such run from each. A
 * line with none of them cannot match, so the regex need not run on it.
 *
 * <p>Only what is certain counts. Inline flags such as {@code (?i)} (the text may differ in case), {@code \Q}, a
 * pattern compiled with flags, or anything this reader does not know give nothing: the pattern then runs on every
 * line, which is slower but still right. A character or group followed by a quantifier is left out (it may be absent
 * or repeated), character classes and look-arounds are skipped, and a branch with no literal leaves its
 * alternatives with none.
 */
final class RequiredLiteral {
    private final String source;
    private int i;

    private RequiredLiteral(String source) {
        this.source = source;
    }

    /** Texts of which every match of {@code p} contains at least one, or null when none is certain. */
    static List<String> of(Pattern p) {
        if (p.flags() != 0) {
            return null;
        }
        try {
            RequiredLiteral reader = new RequiredLiteral(p.pattern());
            List<String> any = reader.branches();
            if (reader.i != reader.source.length()) {
                throw new Unsure(); // a ) without its (
            }
            return any == null || any.stream().anyMatch(String::isEmpty) ? null : List.copyOf(any);
        } catch (Unsure e) {
            return null;
        }
    }

    /** The source uses something this reader does not follow: no literal is claimed. */
    private static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        Unsure() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads a sequence of branches up to a {@code )} or the end: what one of them must contain, or null. A sequence's
     * requirement is its best part (a run of plain text, or a group's requirement); branches' requirements join.
     */
    private List<String> branches() throws Unsure {
        List<String> any = new ArrayList<>();
        boolean everyBranchHasOne = true;
        while (true) {
            List<String> one = sequence();
            if (one == null) {
                everyBranchHasOne = false;
            } else {
                any.addAll(one);
            }
            if (i < source.length() && source.charAt(i) == '|') {
                i++;
                continue;
            }
            return everyBranchHasOne ? any : null;
        }
    }

    /** One branch up to {@code |}, {@code )} or the end: its best requirement, or null when it has none. */
    private List<String> sequence() throws Unsure {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '|' || c == ')') {
                break;
            }
            Character literal = null;
            List<String> group = null;
            switch (c) {
                case '\\' -> literal = escape();
                case '[' -> skipClass();
                case '(' -> group = group();
                case '.', '^', '$' -> i++;
                case '*', '+', '?', '{' -> throw new Unsure();
                default -> {
                    if (Character.isSurrogate(c)) {
                        throw new Unsure(); // a quantifier after it would apply to the whole code point
                    }
                    literal = c;
                    i++;
                }
            }
            boolean quantified = skipQuantifier();
            if (literal != null && !quantified) {
                run.append(literal.charValue());
                continue;
            }
            // The run ends here: at something that is not plain text, or at a character that may be absent or repeated.
            best = better(best, run.isEmpty() ? null : List.of(run.toString()));
            run.setLength(0);
            if (!quantified) {
                best = better(best, group); // a quantified group may match nothing
            }
        }
        return better(best, run.isEmpty() ? null : List.of(run.toString()));
    }

    /** The requirement that rules out more lines: the one whose shortest literal is longer, then the one with fewer. */
    private static List<String> better(List<String> a, List<String> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int sa = shortest(a);
        int sb = shortest(b);
        return sb > sa || (sb == sa && b.size() < a.size()) ? b : a;
    }

    private static int shortest(List<String> literals) {
        int min = Integer.MAX_VALUE;
        for (String l : literals) {
            min = Math.min(min, l.length());
        }
        return min;
    }

    /**
     * A group at {@code i}: the requirement of a capturing or non-capturing group; none for look-arounds and atomic
     * groups, which are skipped. Inline flags make the whole pattern unsure.
     */
    private List<String> group() throws Unsure {
        boolean plain = true;
        if (source.startsWith("(?", i)) {
            char kind = i + 2 < source.length() ? source.charAt(i + 2) : ' ';
            boolean named = kind == '<' && i + 3 < source.length() && Character.isLetter(source.charAt(i + 3));
            if (kind != ':' && kind != '=' && kind != '!' && kind != '<' && kind != '>') {
                throw new Unsure(); // (?i), (?x:...) and the like change how the rest reads
            }
            if (kind == ':') {
                i += 3;
            } else if (named) {
                skipTo('>');
            } else {
                plain = false;
                i += kind == '<' ? 4 : 3;
            }
        } else {
            i++;
        }
        List<String> inner = branches();
        if (i >= source.length() || source.charAt(i) != ')') {
            throw new Unsure();
        }
        i++;
        return plain ? inner : null;
    }

    /** An escape at {@code i}: the character it stands for when it is a plain one, else null (a class, anchor...). */
    private Character escape() throws Unsure {
        if (i + 1 >= source.length()) {
            throw new Unsure();
        }
        char e = source.charAt(i + 1);
        i += 2;
        if (Character.isSurrogate(e)) {
            throw new Unsure();
        }
        if (!Character.isLetterOrDigit(e)) {
            return e; // a backslash before a non-letter is that character
        }
        if (e >= 128) {
            throw new Unsure();
        }
        switch (e) {
            case 'Q' -> throw new Unsure();
            case 'p', 'P', 'x', 'N' -> {
                if (i < source.length() && source.charAt(i) == '{') {
                    skipTo('}');
                } else {
                    i += e == 'x' ? 2 : 1;
                }
            }
            case 'u' -> i += 4;
            case 'c' -> i += 1;
            case 'k' -> skipTo('>');
            default -> {
                while (Character.isDigit(e) && i < source.length() && Character.isDigit(source.charAt(i))) {
                    i++; // an octal escape or a back-reference: its digits
                }
            }
        }
        return null;
    }

    private void skipTo(char end) throws Unsure {
        int at = source.indexOf(end, i);
        if (at < 0) {
            throw new Unsure();
        }
        i = at + 1;
    }

    /** Skips a character class at {@code i}, with its nested classes and escapes. */
    private void skipClass() throws Unsure {
        if (RegexClass.leadingBracket(source, i)) {
            throw new Unsure(); // whether a leading ] is literal differs between engines: do not guess
        }
        int end = RegexClass.end(source, i);
        if (end < 0 || source.substring(i, end).contains("\\Q")) {
            throw new Unsure(); // unterminated, or quoting inside the class: do not guess
        }
        i = end;
    }

    /** Skips a quantifier at {@code i} with its lazy or possessive mark; whether there was one. */
    private boolean skipQuantifier() throws Unsure {
        if (i >= source.length()) {
            return false;
        }
        char c = source.charAt(i);
        if (c == '{') {
            skipTo('}');
        } else if (c == '*' || c == '+' || c == '?') {
            i++;
        } else {
            return false;
        }
        if (i < source.length() && (source.charAt(i) == '?' || source.charAt(i) == '+')) {
            i++;
        }
        return true;
    }
}
