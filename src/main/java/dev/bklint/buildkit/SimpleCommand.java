package dev.bklint.buildkit;

import java.util.List;

/**
 * One simple command of a script.
 *
 * <p>{@code start}/{@code end} span the command as written (prefix assignments and wrappers such as
 * {@code sudo} included, leading control words and redirections excluded), so a caller can insert text
 * at {@code end} to append an argument.
 *
 * @param assignments prefix assignments (and {@code env NAME=value} ones); for {@code export} the exported ones
 * @param words       the program and its arguments; empty for a bare assignment or an {@code export}
 */
public record SimpleCommand(List<Assignment> assignments, List<Word> words, int start, int end) {

    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
    }

    /** The program as written, or null when the command only assigns variables. */
    public String program() {
        return words.isEmpty() ? null : words.get(0).value();
    }

    /** The program without its directory, so {@code /usr/bin/buildctl} reads as {@code buildctl}. */
    public String programName() {
        String program = program();
        if (program == null) {
            return null;
        }
        return program.substring(program.lastIndexOf('/') + 1);
    }
}
