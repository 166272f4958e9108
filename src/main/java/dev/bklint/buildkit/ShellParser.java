package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Buildkite step script into its simple commands, with raw offsets into the script.
 *
 * <p>This is a best-effort reader, not a shell: it never throws, and constructs it cannot place
 * (for example {@code for} and {@code case} headers) are dropped rather than guessed at.
 */
public final class ShellParser {

    private ShellParser() {
    }

    /** The simple commands of {@code script}, in order. A null script has none. */
    public static List<SimpleCommand> parse(String script) {
        if (script == null || script.isEmpty()) {
            return List.of();
        }
        CommandAssembler assembler = new CommandAssembler(script);
        List<SimpleCommand> commands = new ArrayList<>();
        List<Word> segment = new ArrayList<>();
        int parenDepth = 0;
        for (ShellLexer.Token token : ShellLexer.tokenize(script)) {
            if (!token.isOperator()) {
                segment.add(token.word());
                continue;
            }
            switch (token.operator()) {
                case "(" -> {
                    // Words before "(" can only be a function name, as in "build() {": not a command.
                    segment.clear();
                    parenDepth++;
                }
                case ")" -> {
                    if (parenDepth == 0) {
                        // An unmatched ")" closes a case pattern such as "release)": not a command.
                        segment.clear();
                    } else {
                        parenDepth--;
                    }
                }
                default -> {
                }
            }
            assembler.assemble(segment).ifPresent(commands::add);
            segment.clear();
        }
        assembler.assemble(segment).ifPresent(commands::add);
        return List.copyOf(commands);
    }
}
