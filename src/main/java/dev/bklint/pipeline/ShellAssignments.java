package dev.bklint.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a command script gives a shell variable a value: {@code X=...} / {@code X+=...} in command position,
 * {@code export}/{@code local}/{@code declare}/{@code typeset}/{@code readonly}/{@code let} {@code X[=...]},
 * {@code read [options] X...}, {@code mapfile}/{@code readarray X} and {@code for}/{@code select X in}. A variable
 * assigned there exists in the step's shell, not where the pipeline is uploaded. One pass over the text with no
 * backtracking (the text is untrusted); quotes are skipped over, so an {@code X=1} inside a string does not count.
 */
public final class ShellAssignments {
    private static final Set<String> DECLARING = Set.of("export", "local", "declare", "typeset", "readonly", "let");
    private static final Set<String> READING = Set.of("read", "mapfile", "readarray");
    private static final Set<String> LOOPING = Set.of("for", "select");
    /** Reserved words after which the next word is again a command name. */
    private static final Set<String> KEYWORDS = Set.of("do", "then", "else", "elif", "if", "while", "until", "!",
            "time", "{", "in");
    /** Options of {@code read}/{@code mapfile} that take the next word as their argument (not a variable name). */
    private static final String OPTION_WITH_ARGUMENT = "pdtnNuiCcOs";

    /** Name → offset just past its first assignment (the end of the word that assigns it). */
    private final Map<String, Integer> firstEnd = new HashMap<>();

    private ShellAssignments() {
    }

    /** Reads {@code script} (the raw text, before upload-time interpolation). */
    public static ShellAssignments of(String script) {
        ShellAssignments a = new ShellAssignments();
        a.read(script);
        return a;
    }

    /** True when {@code name} is assigned by a word that ends at or before {@code offset}. */
    public boolean assignedBefore(String name, int offset) {
        Integer end = firstEnd.get(name);
        return end != null && end <= offset;
    }

    /** What the words of the current simple command mean so far. */
    private enum State { COMMAND, ARGUMENTS, DECLARING, READING, READING_OPTION_ARGUMENT, LOOP_VARIABLE }

    private void read(String s) {
        State state = State.COMMAND;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                state = State.COMMAND;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (c == '#' && state == State.COMMAND) { // a comment runs to the end of the line
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            int start = i;
            i = wordEnd(s, i);
            state = word(s.substring(start, i), i, state);
        }
    }

    /** The end of the word at {@code i}: quoted parts belong to it, and so does a backslash-escaped character. */
    private static int wordEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '('
                    || c == ')') {
                if (c == '(' && i > 0 && s.charAt(i - 1) == '$') {
                    i++; // `$(`: the command substitution is part of this word up to its `)`
                    continue;
                }
                return i;
            }
            if (c == '\\') {
                i = Math.min(n, i + 2);
            } else if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                i = close < 0 ? n : close + 1;
            } else {
                i++;
            }
        }
        return n;
    }

    private State word(String w, int end, State state) {
        switch (state) {
            case COMMAND:
                if (KEYWORDS.contains(w)) {
                    return State.COMMAND;
                }
                if (assignment(w, end)) {
                    return State.COMMAND; // `X=1 Y=2 cmd`: prefix assignments, then still a command name
                }
                if (DECLARING.contains(w)) {
                    return State.DECLARING;
                }
                if (READING.contains(w)) {
                    return State.READING;
                }
                if (LOOPING.contains(w)) {
                    return State.LOOP_VARIABLE;
                }
                return State.ARGUMENTS;
            case DECLARING:
                if (!w.startsWith("-") && !assignment(w, end) && isName(w)) {
                    record(w, end);
                }
                return State.DECLARING;
            case READING:
                if (w.startsWith("-")) {
                    boolean takesArgument = w.length() > 1
                            && OPTION_WITH_ARGUMENT.indexOf(w.charAt(w.length() - 1)) >= 0;
                    return takesArgument ? State.READING_OPTION_ARGUMENT : State.READING;
                }
                if (isName(w)) {
                    record(w, end);
                }
                return State.READING;
            case READING_OPTION_ARGUMENT:
                return State.READING;
            case LOOP_VARIABLE:
                if (isName(w)) {
                    record(w, end);
                }
                return State.ARGUMENTS;
            default:
                return State.ARGUMENTS;
        }
    }

    /** {@code NAME=...} or {@code NAME+=...}: records NAME and says so. */
    private boolean assignment(String w, int end) {
        int eq = w.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        String name = w.charAt(eq - 1) == '+' ? w.substring(0, eq - 1) : w.substring(0, eq);
        if (!isName(name)) {
            return false;
        }
        record(name, end);
        return true;
    }

    private void record(String name, int end) {
        firstEnd.putIfAbsent(name, end);
    }

    /** A shell name: a letter or {@code _}, then letters, digits and {@code _} (ASCII, as bash's). */
    static boolean isName(String w) {
        if (w.isEmpty() || !(Character.isLetter(w.charAt(0)) && w.charAt(0) < 128 || w.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }
}
