package dev.bklint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code # bklint-args: ...} line a fixture may carry to say how it is linted. A rule's own fixtures
 * ({@code fixtures/rules/BKnnn/}) are linted with only that rule selected, so that their approved output, doc page
 * and markers show that rule alone and change only when it does.
 */
public final class FixtureArgs {
    public static final String PREFIX = "# bklint-args:";

    private FixtureArgs() {
    }

    /** The arguments a fixture is linted with: its own, and {@code --select BKnnn} for a rule's fixture. */
    public static List<String> forFixture(Path fixture, String text) {
        List<String> args = of(text);
        String rule = ruleOf(fixture);
        if (rule != null) {
            args.add(0, "--select");
            args.add(1, rule);
        }
        return args;
    }

    /** The rule whose fixture this is ({@code fixtures/rules/BKnnn/...}), or null. */
    static String ruleOf(Path fixture) {
        Path p = fixture.normalize();
        for (int i = 0; i + 2 < p.getNameCount(); i++) {
            if (p.getName(i).toString().equals("fixtures") && p.getName(i + 1).toString().equals("rules")
                    && p.getName(i + 2).toString().matches("BK\\d{3}")) {
                return p.getName(i + 2).toString();
            }
        }
        return null;
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
