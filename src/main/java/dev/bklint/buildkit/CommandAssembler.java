package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the words between two control operators into a {@link SimpleCommand}: strips control words,
 * separates prefix assignments, and unwraps {@code env}, {@code sudo} and friends so the real program
 * comes first.
 */
final class CommandAssembler {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Set<String> CONTROL_WORDS = Set.of(
            "if", "then", "else", "elif", "fi", "do", "done", "while", "for", "until", "case", "esac",
            "select", "function", "{", "}", "!");
    /** Headers whose remaining words are loop variables or a case subject, not a command. */
    private static final Set<String> HEADER_WORDS = Set.of("for", "select", "case");
    private static final Set<String> WRAPPERS = Set.of("exec", "time", "command", "nohup", "sudo");
    /** Builtins whose operands are assignments that persist in the shell. */
    private static final Set<String> DECLARATION_BUILTINS = Set.of("export", "declare", "typeset", "local", "readonly");

    private final String script;

    CommandAssembler(String script) {
        this.script = script;
    }

    Optional<SimpleCommand> assemble(List<Word> segment) {
        int i = skipControlWords(segment);
        if (i < 0 || i >= segment.size()) {
            return Optional.empty();
        }
        int start = segment.get(i).start();
        int end = segment.get(segment.size() - 1).end();
        List<Assignment> assignments = new ArrayList<>();
        while (i < segment.size() && isPrefixAssignment(segment.get(i))) {
            assignments.add(assignment(segment.get(i), false));
            i++;
        }
        i = unwrap(segment, i, assignments);
        if (i < segment.size() && DECLARATION_BUILTINS.contains(segment.get(i).value())) {
            return declaration(segment, i, assignments, start, end);
        }
        return Optional.of(new SimpleCommand(assignments, segment.subList(i, segment.size()), start, end));
    }

    /** Index of the first word after leading control words, or -1 if the segment is a loop or case header. */
    private int skipControlWords(List<Word> segment) {
        int i = 0;
        while (i < segment.size() && isControlWord(segment.get(i))) {
            String word = segment.get(i).value();
            if (HEADER_WORDS.contains(word)) {
                return -1;
            }
            i += word.equals("function") ? 2 : 1;
        }
        return i;
    }

    /** Skips {@code sudo}, {@code exec}, ... and {@code env NAME=value}, adding env's assignments. */
    private int unwrap(List<Word> segment, int i, List<Assignment> assignments) {
        while (i + 1 < segment.size()) {
            String word = segment.get(i).value();
            if (WRAPPERS.contains(word) && !segment.get(i + 1).value().startsWith("-")) {
                i++;
            } else if (word.equals("env")) {
                int j = i + 1;
                List<Assignment> envAssignments = new ArrayList<>();
                while (j < segment.size() && ASSIGNMENT.matcher(segment.get(j).value()).matches()) {
                    envAssignments.add(assignment(segment.get(j), false));
                    j++;
                }
                // env with options, or without a program, is left as the program itself.
                if (j >= segment.size() || segment.get(j).value().startsWith("-")) {
                    return i;
                }
                assignments.addAll(envAssignments);
                i = j;
            } else {
                return i;
            }
        }
        return i;
    }

    /** {@code export A=1 B=2} and friends: the assignments are recorded and the command has no words. */
    private Optional<SimpleCommand> declaration(List<Word> segment, int builtin, List<Assignment> prefix,
                                                int start, int end) {
        String name = segment.get(builtin).value();
        boolean exported = name.equals("export");
        List<Assignment> assignments = new ArrayList<>(prefix);
        for (Word word : segment.subList(builtin + 1, segment.size())) {
            String value = word.value();
            if (value.startsWith("-") && (name.equals("declare") || name.equals("typeset"))) {
                exported |= value.indexOf('x') > 0;
            } else if (ASSIGNMENT.matcher(value).matches()) {
                assignments.add(assignment(word, exported));
            }
        }
        if (assignments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SimpleCommand(assignments, List.of(), start, end));
    }

    /** A prefix assignment needs its name and {@code =} unquoted, so test the raw text. */
    private boolean isPrefixAssignment(Word word) {
        return ASSIGNMENT.matcher(script.substring(word.start(), word.end())).matches();
    }

    private boolean isControlWord(Word word) {
        return CONTROL_WORDS.contains(word.value()) && script.startsWith(word.value(), word.start())
                && word.end() - word.start() == word.value().length();
    }

    private Assignment assignment(Word word, boolean exported) {
        String value = word.value();
        int eq = value.indexOf('=');
        // Just past the raw "=", so an opening quote of the value belongs to the value's raw text.
        int valueStart = Math.min(ShellLexer.rawOffsets(script, word)[eq] + 1, word.end());
        return new Assignment(value.substring(0, eq), value.substring(eq + 1), word.start(), word.end(),
                valueStart, exported);
    }
}
