package dev.bklint.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds what {@code buildkite-agent pipeline upload} will interpolate in one string, the way buildkite/interpolate
 * v0.1.5 (the version go-pipeline and the agent pin) parses it in {@code parser.go}: {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR?message}} and {@code ${VAR:offset[:length]}}, and
 * nothing else: bash's {@code %}, {@code #}, {@code /}, {@code :?}, {@code :+} forms are upload errors. A name starts
 * with a letter and goes on with letters, numbers and {@code _}. Escapes are text: {@code $$} and {@code \$} become a
 * literal {@code $}, {@code \\} stays two backslashes (so {@code \\$VAR} is still expanded), {@code $(} is left to
 * the shell, and a {@code $} followed by anything but a letter or <code>{</code> (or nothing) stays literal. A
 * <code>${</code> that cannot be parsed fails the whole upload; it is returned as a {@link Kind#MALFORMED} token whose
 * problem is the upstream error text, and scanning resumes after it.
 */
public final class Interpolation {
    public enum Kind { VARIABLE, MALFORMED }

    /**
     * One expansion, or one malformed <code>${</code>, at {@code [start, end)} of the scanned string. {@code operator}
     * is null for {@code $VAR} and {@code ${VAR}}, else one of {@code :- - ? :}; {@code argument} is
     * the text after the operator as written (the default, message or offset). {@code nested} holds the
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
                // parseBraceExpansion's last check: the default or message ran to the end of the text.
                throw malformed(open.peek().start, open.peek().name,
                        "Expected brace expansion to end with }, got " + shown(EOF));
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
            } else if (c == '$' && pos + 1 < s.length() && isLetter(s.codePointAt(pos + 1))) {
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
     * Reads a <code>${</code> up to its operator, as {@code parseBraceExpansion} (parser.go:196-258): a whole
     * {@link Token} when it has no default or message, else the {@link Open} expansion whose default or message
     * follows. After the name only <code>}</code>, {@code :-}, {@code -}, {@code ?} and {@code :offset[:length]} are
     * accepted; anything else is the upstream error, whose text is kept as the token's problem.
     */
    private Object brace() {
        int start = pos;
        pos += 2;
        int first = peek();
        if (!isLetter(first)) {
            throw malformed(start, null, "Expected identifier to start with a letter, got " + shown(first));
        }
        String name = identifier();
        int c = next();
        if (c == '}') {
            return new Token(Kind.VARIABLE, start, pos, name, null, null, 0, 0, List.of(), null);
        }
        String operator;
        if (c == ':') {
            if (peek() == '-') {
                pos++;
                operator = ":-";
            } else {
                operator = ":";
            }
        } else if (c == '?' || c == '-') {
            operator = String.valueOf((char) c);
        } else {
            pos = start + 2 + name.length();
            throw malformed(start, name, "Expected an operator, got " + shown(c));
        }
        int argStart = pos;
        if (!operator.equals(":")) {
            return new Open(start, name, operator, argStart);
        }
        substring(start, name);
        int argEnd = pos;
        int close = next();
        if (close != '}') {
            throw malformed(start, name, "Expected brace expansion to end with }, got " + shown(close));
        }
        return new Token(Kind.VARIABLE, start, pos, name, operator, s, argStart, argEnd, List.of(), null);
    }

    /**
     * {@code ${VAR:offset}} or {@code ${VAR:offset:length}} as {@code parseSubstringExpansion} (parser.go:279-304):
     * each part runs to the next {@code :} / <code>}</code> and must be what Go's {@code strconv.Atoi} accepts after
     * {@code strings.TrimSpace}. So {@code ${VAR:?msg}} is an offset {@code ?msg}, and fails.
     */
    private void substring(int start, String name) {
        String offset = until(true);
        String bad = GoAtoi.error(offset);
        if (bad != null) {
            throw malformed(start, name, "Unable to parse offset: " + bad);
        }
        if (peek() == '}') {
            return;
        }
        next(); // the `:` before the length, or whatever stopped the offset (then the length is empty)
        String length = until(false);
        bad = GoAtoi.error(length);
        if (bad != null) {
            throw malformed(start, name, "Unable to parse length: " + bad);
        }
    }

    /** {@code scanUntil}: up to a <code>}</code> (or a {@code :} when asked), or a U+FFFD, which Go's scan stops at. */
    private String until(boolean colonToo) {
        int from = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '}' || colonToo && c == ':' || c == '\uFFFD') {
                break;
            }
            pos++;
        }
        return s.substring(from, pos);
    }

    /** The code point at {@code pos}, or {@link #EOF}. */
    private int peek() {
        return pos < s.length() ? s.codePointAt(pos) : EOF;
    }

    /** The code point at {@code pos}, moving past it; {@link #EOF} at the end. */
    private int next() {
        int c = peek();
        if (c != EOF) {
            pos += Character.charCount(c);
        }
        return c;
    }

    private static final int EOF = -1;

    /**
     * A character as Go's {@code fmt} prints it with {@code %c}: the end of the input (-1) prints as U+FFFD. A line
     * break or tab is shown escaped, since it would otherwise cut the message.
     */
    static String shown(int c) {
        if (c == EOF) {
            return "\uFFFD";
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return "\\t";
        }
        return new String(Character.toChars(c));
    }

    /** {@code scanIdentifier}: a letter, then letters, numbers and {@code _} (Go's {@code unicode} classes). */
    private String identifier() {
        int from = pos;
        while (pos < s.length() && isIdentifierPart(s.codePointAt(pos))) {
            pos += Character.charCount(s.codePointAt(pos));
        }
        return s.substring(from, pos);
    }

    /** Go's {@code unicode.IsLetter}: the L categories (so {@code _} does not start a name). */
    static boolean isLetter(int c) {
        return c != EOF && Character.isLetter(c);
    }

    /** Go's {@code unicode.IsLetter || unicode.IsNumber || '_'}: IsNumber is the N categories (Nd, Nl, No). */
    static boolean isIdentifierPart(int c) {
        if (c == '_' || isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
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
            while (end < s.length() && isIdentifierPart(s.codePointAt(end))) {
                end += Character.charCount(s.codePointAt(end));
            }
        }
        return new Malformed(new Token(Kind.MALFORMED, start, end, name, null, null, 0, 0, List.of(), problem));
    }
}
