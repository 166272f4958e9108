package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits script text into words and control operators.
 *
 * <p>Redirections, comments and heredoc bodies are consumed here and never reach the parser, because none
 * of them are arguments of the command. Every branch advances the position, so any input terminates.
 */
final class ShellLexer {

    /** A word, or a control operator such as {@code ;}, {@code &&}, {@code (} or a newline. */
    record Token(Word word, String operator) {
        boolean isOperator() {
            return operator != null;
        }
    }

    private record Heredoc(String delimiter, boolean stripTabs) {
    }

    private static final Pattern ARRAY_ASSIGNMENT_PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=");

    private final String s;
    private final int n;
    /** Whether scanned words keep the raw offset of each character (only {@link #rawOffsets} needs them). */
    private final boolean offsets;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Heredoc> pendingHeredocs = new ArrayList<>();

    private ShellLexer(String script, boolean offsets) {
        this.s = script;
        this.n = script.length();
        this.offsets = offsets;
    }

    static List<Token> tokenize(String script) {
        ShellLexer lexer = new ShellLexer(script, false);
        lexer.run();
        return lexer.tokens;
    }

    /**
     * The raw offset of every character of {@code word.value()}, found by scanning the word again, so that
     * quote removal can be undone exactly. Falls back to a clamped identity map if the word does not match.
     */
    static int[] rawOffsets(String script, Word word) {
        int length = word.value().length();
        if (word.start() >= 0 && word.end() <= script.length() && word.start() < word.end()) {
            ShellLexer lexer = new ShellLexer(script, true);
            WordText text = lexer.scanWord(word.start());
            if (text.value().equals(word.value()) && text.end() == word.end()) {
                return text.offsets();
            }
        }
        int[] offsets = new int[length];
        for (int i = 0; i < length; i++) {
            offsets[i] = Math.max(word.start(), Math.min(word.start() + i, word.end() - 1));
        }
        return offsets;
    }

    private void run() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && continuationLength(pos) > 0) {
                pos += continuationLength(pos);
            } else if (c == '\n') {
                operator("\n", 1);
                skipHeredocBodies();
            } else if (c == '#') {
                skipComment();
            } else if (c == ';') {
                operator(s.startsWith(";;&", pos) ? ";;&" : s.startsWith(";;", pos) ? ";;" : s.startsWith(";&", pos) ? ";&" : ";");
            } else if (c == '&') {
                if (s.startsWith("&>", pos)) {
                    redirection();
                } else {
                    operator(s.startsWith("&&", pos) ? "&&" : "&");
                }
            } else if (c == '|') {
                operator(s.startsWith("||", pos) ? "||" : s.startsWith("|&", pos) ? "|&" : "|");
            } else if (c == '(' || c == ')') {
                operator(String.valueOf(c));
            } else if ((c == '<' || c == '>') && !startsProcessSubstitution(pos)) {
                redirection();
            } else {
                word();
            }
        }
    }

    private void operator(String op) {
        operator(op, op.length());
    }

    private void operator(String op, int length) {
        tokens.add(new Token(null, op));
        pos += length;
    }

    private void word() {
        int start = pos;
        WordText text = scanWord(start);
        pos = Math.max(text.end(), start + 1);
        boolean ioNumber = pos < n && (s.charAt(pos) == '<' || s.charAt(pos) == '>')
                && !startsProcessSubstitution(pos)
                && text.value().chars().allMatch(Character::isDigit)
                && text.value().length() == pos - start;
        if (!ioNumber) {
            tokens.add(new Token(new Word(text.value(), start, pos), null));
        }
    }

    /** Consumes a redirection operator and its target word; neither is an argument. */
    private void redirection() {
        String op = redirectionOperator();
        pos += op.length();
        skipBlanks();
        if (pos >= n || isMeta(s.charAt(pos)) || s.charAt(pos) == '#') {
            return;
        }
        WordText target = scanWord(pos);
        pos = Math.max(target.end(), pos + 1);
        if (op.equals("<<") || op.equals("<<-")) {
            pendingHeredocs.add(new Heredoc(target.value(), op.equals("<<-")));
        }
    }

    private String redirectionOperator() {
        for (String op : new String[] {"&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", ">>", ">&", ">|"}) {
            if (s.startsWith(op, pos)) {
                return op;
            }
        }
        return String.valueOf(s.charAt(pos));
    }

    private void skipBlanks() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && continuationLength(pos) > 0) {
                pos += continuationLength(pos);
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < n && s.charAt(pos) != '\n') {
            pos++;
        }
    }

    /** Skips heredoc bodies that start after the newline just consumed, so their lines are not commands. */
    private void skipHeredocBodies() {
        for (Heredoc heredoc : pendingHeredocs) {
            while (pos < n) {
                int lineEnd = s.indexOf('\n', pos);
                int next = lineEnd < 0 ? n : lineEnd + 1;
                String line = s.substring(pos, lineEnd < 0 ? n : lineEnd);
                pos = next;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (heredoc.stripTabs()) {
                    line = line.replaceFirst("^\t+", "");
                }
                if (line.equals(heredoc.delimiter())) {
                    break;
                }
            }
        }
        pendingHeredocs.clear();
    }

    private boolean startsProcessSubstitution(int i) {
        return i + 1 < n && (s.charAt(i) == '<' || s.charAt(i) == '>') && s.charAt(i + 1) == '(';
    }

    private static boolean isMeta(char c) {
        return switch (c) {
            case ' ', '\t', '\r', '\f', '\n', ';', '&', '|', '<', '>', '(', ')' -> true;
            default -> false;
        };
    }

    /** Length of a backslash-newline (or backslash-CRLF) at {@code i}, or 0. */
    private int continuationLength(int i) {
        if (i + 1 < n && s.charAt(i) == '\\' && s.charAt(i + 1) == '\n') {
            return 2;
        }
        if (i + 2 < n && s.charAt(i) == '\\' && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
            return 3;
        }
        return 0;
    }

    // ---- word scanning: builds the value and remembers where each value character came from ----

    /** A scanned word: its value, the raw offset of each value character (null unless asked for), its end. */
    @SuppressWarnings("ArrayRecordComponent") // private to the lexer, never compared or hashed
    record WordText(String value, int[] offsets, int end) {
    }

    private WordText scanWord(int start) {
        WordBuilder out = new WordBuilder(s, offsets);
        int i = start;
        while (i < n) {
            char c = s.charAt(i);
            if (isMeta(c)) {
                if (startsProcessSubstitution(i)) {
                    i = copyRaw(i, skipConstruct(i + 1), out);
                    continue;
                }
                if (c == '(' && ARRAY_ASSIGNMENT_PREFIX.matcher(s.substring(start, i)).matches()) {
                    i = copyRaw(i, skipConstruct(i), out);
                    continue;
                }
                break;
            }
            switch (c) {
                case '\'' -> i = singleQuoted(i, out);
                case '"' -> i = doubleQuoted(i, out);
                case '`' -> i = copyRaw(i, skipConstruct(i), out);
                case '\\' -> i = backslash(i, out);
                case '$' -> i = dollar(i, out);
                default -> {
                    out.append(c, i);
                    i++;
                }
            }
        }
        return out.build(i);
    }

    private int backslash(int i, WordBuilder out) {
        int continuation = continuationLength(i);
        if (continuation > 0) {
            return i + continuation;
        }
        if (i + 1 < n) {
            out.append(s.charAt(i + 1), i + 1);
            return i + 2;
        }
        out.append('\\', i); // a trailing backslash is literal
        return i + 1;
    }

    private int dollar(int i, WordBuilder out) {
        char next = i + 1 < n ? s.charAt(i + 1) : 0;
        return switch (next) {
            case '(' -> copyRaw(i, skipConstruct(i + 1), out);
            case '{' -> copyRaw(i, skipConstruct(i + 1), out);
            case '\'' -> ansiCQuoted(i + 1, out);
            case '"' -> doubleQuoted(i + 1, out);
            default -> {
                out.append('$', i);
                yield i + 1;
            }
        };
    }

    private int singleQuoted(int i, WordBuilder out) {
        int j = i + 1;
        while (j < n && s.charAt(j) != '\'') {
            out.append(s.charAt(j), j);
            j++;
        }
        return Math.min(j + 1, n);
    }

    private int doubleQuoted(int i, WordBuilder out) {
        int j = i + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c == '\\' && j + 1 < n) {
                int continuation = continuationLength(j);
                char d = s.charAt(j + 1);
                if (continuation > 0) {
                    j += continuation;
                } else if (d == '"' || d == '\\' || d == '$' || d == '`') {
                    out.append(d, j + 1);
                    j += 2;
                } else {
                    out.append(c, j);
                    j++;
                }
            } else if (c == '$' && j + 1 < n && s.charAt(j + 1) == '(') {
                j = copyRaw(j, skipConstruct(j + 1), out);
            } else if (c == '$' && j + 1 < n && s.charAt(j + 1) == '{') {
                j = copyRaw(j, skipConstruct(j + 1), out);
            } else if (c == '`') {
                j = copyRaw(j, skipConstruct(j), out);
            } else {
                out.append(c, j);
                j++;
            }
        }
        return n;
    }

    /** {@code $'...'}: decodes the common escapes; others stay as written. */
    private int ansiCQuoted(int quote, WordBuilder out) {
        int j = quote + 1;
        while (j < n && s.charAt(j) != '\'') {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < n) {
                char d = s.charAt(j + 1);
                char decoded = switch (d) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'e', 'E' -> '\u001b';
                    case '\\', '\'', '"', '?' -> d;
                    default -> 0;
                };
                if (decoded != 0) {
                    out.append(decoded, j + 1);
                } else {
                    out.append(c, j);
                    out.append(d, j + 1);
                }
                j += 2;
            } else {
                out.append(c, j);
                j++;
            }
        }
        return Math.min(j + 1, n);
    }

    private int copyRaw(int from, int to, WordBuilder out) {
        int end = Math.min(Math.max(to, from + 1), n);
        for (int k = from; k < end; k++) {
            out.append(s.charAt(k), k);
        }
        return end;
    }

    // ---- skipping nested constructs ----

    /**
     * Index just past the construct opening at {@code open} ({@code (}, an opening brace, {@code "} or a backtick),
     * or n if it is unterminated. Iterative, with an explicit stack of expected closers, so that deeply
     * nested input cannot overflow the call stack.
     */
    private int skipConstruct(int open) {
        // The stack of closers, in a char array (top at depth - 1) rather than a deque of boxed characters.
        char[] closers = new char[8];
        int depth = 0;
        closers[depth++] = closerOf(s.charAt(open));
        int i = open + 1;
        while (i < n && depth > 0) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char expected = closers[depth - 1];
            if (depth == closers.length) {
                closers = Arrays.copyOf(closers, depth * 2);
            }
            if (c == expected) {
                depth--;
                i++;
            } else if (c == '\\') {
                i += 2;
            } else if (expected == '`') {
                i++;
            } else if (c == '$' && (next == '(' || next == '{')) {
                closers[depth++] = closerOf(next);
                i += 2;
            } else if (c == '`') {
                closers[depth++] = '`';
                i++;
            } else if (expected == '"') {
                i++;
            } else if (c == '"') {
                closers[depth++] = '"';
                i++;
            } else if (c == '\'') {
                i = skipSingleQuotes(i);
            } else if ((c == '(' && expected == ')') || (c == '{' && expected == '}')) {
                closers[depth++] = expected;
                i++;
            } else {
                i++;
            }
        }
        return Math.min(i, n);
    }

    private static char closerOf(char opener) {
        return switch (opener) {
            case '(' -> ')';
            case '{' -> '}';
            default -> opener;
        };
    }

    private int skipSingleQuotes(int quote) {
        int close = s.indexOf('\'', quote + 1);
        return close < 0 ? n : close + 1;
    }

    /**
     * Collects a word's value, and the raw offset of each of its characters when asked to. Most words are written
     * as plain text: while every character is the next one of the script, the word is only a range of it, and the
     * value and offsets are made from that range at the end.
     */
    private static final class WordBuilder {
        private final String script;
        private final boolean trackOffsets;
        /** The range of the script the value is, while it is one; {@code value} is null until it is not. */
        private int rangeStart = -1;
        private int length;
        private StringBuilder value;
        private int[] offsets;

        WordBuilder(String script, boolean trackOffsets) {
            this.script = script;
            this.trackOffsets = trackOffsets;
        }

        void append(char c, int rawOffset) {
            if (value == null) {
                if (length == 0 && script.charAt(rawOffset) == c) {
                    rangeStart = rawOffset;
                    length = 1;
                    return;
                }
                if (rawOffset == rangeStart + length && script.charAt(rawOffset) == c) {
                    length++;
                    return;
                }
                value = new StringBuilder(length + 16);
                if (length > 0) {
                    value.append(script, rangeStart, rangeStart + length);
                }
                if (trackOffsets) {
                    offsets = new int[Math.max(16, length * 2)];
                    for (int i = 0; i < length; i++) {
                        offsets[i] = rangeStart + i;
                    }
                }
            }
            if (trackOffsets) {
                if (value.length() == offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[value.length()] = rawOffset;
            }
            value.append(c);
        }

        WordText build(int end) {
            if (value != null) {
                return new WordText(value.toString(), trackOffsets ? Arrays.copyOf(offsets, value.length()) : null,
                        end);
            }
            int[] range = null;
            if (trackOffsets) {
                range = new int[length];
                for (int i = 0; i < length; i++) {
                    range[i] = rangeStart + i;
                }
            }
            return new WordText(length == 0 ? "" : script.substring(rangeStart, rangeStart + length), range, end);
        }
    }
}
