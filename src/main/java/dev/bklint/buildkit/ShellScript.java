package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed step script: its text, its commands, and the shell variables it sets.
 *
 * <p>Variable tracking is straight-line: an assignment inside an {@code if} counts as if it always ran,
 * which is the useful reading for a linter looking at how a build is configured.
 */
public final class ShellScript {

    private final String text;
    private final List<SimpleCommand> commands;

    public ShellScript(String text) {
        this.text = text == null ? "" : text;
        this.commands = ShellParser.parse(this.text);
    }

    public String text() {
        return text;
    }

    public List<SimpleCommand> commands() {
        return commands;
    }

    /** The commands that start before a script offset, in order (what runs before the command found there). */
    public List<SimpleCommand> commandsBefore(int offset) {
        List<SimpleCommand> before = new ArrayList<>();
        for (SimpleCommand c : commands()) {
            if (c.start() >= offset) {
                break;
            }
            before.add(c);
        }
        return before;
    }

    /**
     * The assignment that last set shell variable {@code name} before {@code offset}, from a bare
     * assignment ({@code NAME=value}) or a declaration ({@code export NAME=value}); null if none, or if an
     * {@code unset NAME} came later. Prefix assignments ({@code NAME=value cmd}) only affect their command
     * and do not count.
     */
    public Assignment assignmentBefore(String name, int offset) {
        Assignment last = null;
        for (SimpleCommand command : commands) {
            if (command.start() >= offset) {
                break;
            }
            if (command.words().isEmpty()) {
                for (Assignment assignment : command.assignments()) {
                    if (assignment.name().equals(name) && assignment.end() <= offset) {
                        last = assignment;
                    }
                }
            } else if (unsets(command, name) && command.end() <= offset) {
                last = null;
            }
        }
        return last;
    }

    /** The value of {@link #assignmentBefore}, or null. */
    public String valueBefore(String name, int offset) {
        Assignment assignment = assignmentBefore(name, offset);
        return assignment == null ? null : assignment.value();
    }

    /**
     * The raw script offset of character {@code valueIndex} of {@code word}'s value, undoing quote removal;
     * {@code valueIndex == value.length()} gives {@code word.end()}.
     */
    public int rawOffset(Word word, int valueIndex) {
        if (valueIndex >= word.value().length()) {
            return word.end();
        }
        int[] offsets = ShellLexer.rawOffsets(text, word);
        return offsets[Math.max(0, valueIndex)];
    }

    private static boolean unsets(SimpleCommand command, String name) {
        return "unset".equals(command.program())
                && command.words().stream().skip(1).anyMatch(word -> word.value().equals(name));
    }
}
