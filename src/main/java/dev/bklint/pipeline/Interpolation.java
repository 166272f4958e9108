package dev.bklint.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds what {@code buildkite-agent pipeline upload} will interpolate in one string, the way buildkite/interpolate
 * parses it: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR?message}},
 * {@code ${VAR:?message}}, {@code ${VAR:offset[:length]}}, {@code ${VAR%pattern}} / {@code %%} / {@code #} /
 * {@code ##}. Escapes are text: {@code $$} and {@code \$} become a literal {@code $}, {@code \\} stays two
 * backslashes (so {@code \\$VAR} is still expanded), {@code $(} is left to the shell, and a {@code $} followed by
 * anything but a letter, {@code _} or <code>{</code> (or nothing) stays literal. A <code>${</code> that cannot be parsed fails
 * the whole upload; it is returned as a {@link Kind#MALFORMED} token and scanning resumes after it.
 */
public final class Interpolation {
    public enum Kind { VARIABLE, MALFORMED }

    /**
     * One expansion, or one malformed <code>${</code>, at {@code [start, end)} of the scanned string. {@code operator}
     * is null for {@code $VAR} and {@code ${VAR}}, else one of {@code :- - ? :? : % %% # ##}; {@code argument} is
     * the text after the operator as written (the default, message, offset or pattern). {@code nested} holds the
     * expansions inside a default or message (they are looked up too, when the default is used). For a malformed
     * token {@code name} may be null and {@code problem} says what is wrong.
     */
    public static final class Token {
        private final Kind kind;
        private final int start;
        private final int end;
        private final String name;
        private final String operator;
        private final String scanned;
        private final int argumentStart;
        private final int argumentEnd;
        private final List<Token> nested;
        private final String problem;

        Token(Kind kind, int start, int end, String name, String operator, String scanned, int argumentStart,
              int argumentEnd, List<Token> nested, String problem) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.name = name;
            this.operator = operator;
            this.scanned = scanned;
            this.argumentStart = argumentStart;
            this.argumentEnd = argumentEnd;
            this.nested = nested;
            this.problem = problem;
        }

        public Kind kind() {
            return kind;
        }

        public int start() {
            return start;
        }

        public int end() {
            return end;
        }

        public String name() {
            return name;
        }

        public String operator() {
            return operator;
        }

        /**
         * Cut from the scanned text when asked: nested defaults overlap, so keeping a copy in each token would
         * take memory quadratic in the nesting depth.
         */
        public String argument() {
            return operator == null ? null : scanned.substring(argumentStart, argumentEnd);
        }

        public List<Token> nested() {
            return nested;
        }

        public String problem() {
            return problem;
        }

        @Override
        public String toString() {
            return kind + "[" + start + "," + end + ") " + name + (operator == null ? "" : " " + operator);
        }
    }

    /** A <code>${NAME op</code> whose default or message is being read: its nested expansions go to {@code nested}. */
    private static final class Open {
        final int start;
        final String name;
        final String operator;
        final int argumentStart;
        final List<Token> nested = new ArrayList<>();

        Open(int start, String name, String operator, int argumentStart) {
            this.start = start;
            this.name = name;
            this.operator = operator;
            this.argumentStart = argumentStart;
        }
    }

    private final String s;
    private int pos;

    private Interpolation(String s) {
        this.s = s;
    }

    /** Every top-level expansion and malformed <code>${</code> of {@code text}, in order. */
    public static List<Token> scan(String text) {
        Interpolation p = new Interpolation(text);
        List<Token> out = new ArrayList<>();
        while (p.pos < text.length()) {
            try {
                p.expression(out);
            } catch (Malformed m) {
                out.add(m.token);
                p.pos = Math.max(m.token.end(), m.token.start() + 2);
            }
        }
        return out;
    }

    private static final class Malformed extends RuntimeException {
        private final transient Token token;

        Malformed(Token token) {
            super(token.problem(), null, false, false);
            this.token = token;
        }
    }

    /**
     * Reads text and expansions to the end of the string. Defaults and messages nest (<code>${A:-${B:-x}}</code>):
     * the open expansions are kept on a stack rather than the call stack, because the input sets the depth.
     */
    private void expression(List<Token> out) {
        Deque<Open> open = new ArrayDeque<>();
        List<Token> sink = out;
        while (true) {
            if (pos >= s.length()) {
                if (open.isEmpty()) {
                    return;
                }
                throw malformed(open.peek().start, open.peek().name, "`${" + open.peek().name
                        + "` is never closed with `}`");
            }
            char c = s.charAt(pos);
            if (c == '}' && !open.isEmpty()) {
                Open done = open.pop();
                int argumentEnd = pos;
                pos++;
                sink = open.isEmpty() ? out : open.peek().nested;
                sink.add(new Token(Kind.VARIABLE, done.start, pos, done.name, done.operator, s, done.argumentStart,
                        argumentEnd, List.copyOf(done.nested), null));
            } else if (c != '\\' && c != '$') {
                pos++; // plain text
            } else if (s.startsWith("\\\\", pos)) {
                pos += 2;
            } else if (s.startsWith("\\$", pos) || s.startsWith("$$", pos) || s.startsWith("$(", pos)) {
                pos += 2;
            } else if (c == '$' && pos + 1 < s.length() && s.charAt(pos + 1) == '{') {
                Object read = brace();
                if (read instanceof Token t) {
                    sink.add(t);
                } else {
                    open.push((Open) read);
                    sink = open.peek().nested;
                }
            } else if (c == '$' && pos + 1 < s.length() && identifierStart(s.charAt(pos + 1))) {
                int start = pos;
                pos++;
                String name = identifier();
                sink.add(new Token(Kind.VARIABLE, start, pos, name, null, null, 0, 0, List.of(), null));
            } else {
                pos++;
            }
        }
    }

    /**
     * Reads a <code>${</code> up to its operator: a whole {@link Token} when it has no default or message, else the
     * {@link Open} expansion whose default or message follows.
     */
    private Object brace() {
        int start = pos;
        pos += 2;
        if (pos >= s.length()) {
            throw malformed(start, null, "`${` is never closed with `}`");
        }
        if (!identifierStart(s.charAt(pos))) {
            String problem = s.charAt(pos) == '}'
                    ? "`${}` names no variable"
                    : "the name after `${` must start with a letter, not `" + s.charAt(pos) + "`";
            throw malformed(start, null, problem);
        }
        String name = identifier();
        if (pos >= s.length()) {
            throw malformed(start, name, "`${" + name + "` is never closed with `}`");
        }
        char c = s.charAt(pos);
        if (c == '}') {
            pos++;
            return new Token(Kind.VARIABLE, start, pos, name, null, null, 0, 0, List.of(), null);
        }
        String operator;
        pos++;
        if (c == ':') {
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '?')) {
                operator = ":" + s.charAt(pos);
                pos++;
            } else {
                operator = ":";
            }
        } else if (c == '%' || c == '#') {
            operator = String.valueOf(c);
            if (pos < s.length() && s.charAt(pos) == c) {
                operator += c;
                pos++;
            }
        } else if (c == '-' || c == '?') {
            operator = String.valueOf(c);
        } else {
            pos--;
            if (c == '\n' || c == '\r') {
                throw malformed(start, name, "`${" + name + "` is never closed with `}` on its line");
            }
            throw malformed(start, name, "`${" + name + "` must be followed by `}` or an operator (`:-`, `-`, `:?`, "
                    + "`?`, `:offset`, `%`, `#`), not " + (c == ' ' || c == '\t' ? "a space" : "`" + c + "`"));
        }
        int argStart = pos;
        switch (operator) {
            case ":-": case "-": case "?": case ":?":
                return new Open(start, name, operator, argStart);
            case ":":
                substring(start, name);
                break;
            default:
                while (pos < s.length() && s.charAt(pos) != '}') {
                    pos++;
                }
                break;
        }
        if (pos >= s.length() || s.charAt(pos) != '}') {
            throw malformed(start, name, "`${" + name + "` is never closed with `}`");
        }
        int argEnd = pos;
        pos++;
        return new Token(Kind.VARIABLE, start, pos, name, operator, s, argStart, argEnd, List.of(), null);
    }

    /** {@code ${VAR:offset}} or {@code ${VAR:offset:length}}: both must be integers (spaces around are allowed). */
    private void substring(int start, String name) {
        int from = pos;
        while (pos < s.length() && s.charAt(pos) != ':' && s.charAt(pos) != '}') {
            pos++;
        }
        String offset = s.substring(from, pos);
        if (!isInteger(offset)) {
            throw malformed(start, name, "`${" + name + ":` is read as a substring offset, and `" + offset.strip()
                    + "` is not a number");
        }
        if (pos < s.length() && s.charAt(pos) == ':') {
            pos++;
            from = pos;
            while (pos < s.length() && s.charAt(pos) != '}') {
                pos++;
            }
            String length = s.substring(from, pos);
            if (!isInteger(length)) {
                throw malformed(start, name, "`${" + name + ":" + offset + ":` is read as a substring length, and `"
                        + length.strip() + "` is not a number");
            }
        }
    }

    private static boolean isInteger(String text) {
        String t = text.strip();
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 18) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private String identifier() {
        int from = pos;
        while (pos < s.length() && identifierPart(s.charAt(pos))) {
            pos++;
        }
        return s.substring(from, pos);
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * A malformed <code>${</code> at {@code start}: the token runs to the first <code>}</code> on the same line, else over
     * the name (or just the <code>${</code>) so that it stays on the text that is wrong.
     */
    private Malformed malformed(int start, String name, String problem) {
        int end = -1;
        for (int i = start + 2; i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r'; i++) {
            if (s.charAt(i) == '}') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            end = start + 2;
            while (end < s.length() && identifierPart(s.charAt(end))) {
                end++;
            }
        }
        return new Malformed(new Token(Kind.MALFORMED, start, end, name, null, null, 0, 0, List.of(), problem));
    }
}
