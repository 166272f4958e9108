package dev.bklint.cli;

import java.util.ArrayList;
import java.util.List;

/** Reads the {@code # bklint-args: ...} line a fixture may carry to say how it is linted. */
public final class FixtureArgs {
    private static final String PREFIX = "# bklint-args:";

    private FixtureArgs() {
    }

    public static List<String> of(String text) {
        List<String> args = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(PREFIX)) {
                for (String a : line.substring(PREFIX.length()).trim().split("\\s+")) {
                    if (!a.isEmpty()) {
                        args.add(a);
                    }
                }
            }
        }
        return args;
    }
}
