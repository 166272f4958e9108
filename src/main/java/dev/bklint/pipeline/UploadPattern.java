package dev.bklint.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline string as a pattern for the text it becomes after {@code buildkite-agent pipeline upload}: each
 * expansion {@link Interpolation} finds ({@code $VAR}, <code>${VAR}</code>, <code>${VAR:-default}</code>...) matches
 * any run of characters, {@code $$} and {@code \$} match a literal {@code $}, and the rest matches itself. A job log
 * echoes the command after upload, so this is how a logged command is recognised as a step's.
 */
public final class UploadPattern {
    /** The literal pieces; between two neighbours stands one wildcard. */
    private final List<String> literals;

    private UploadPattern(List<String> literals) {
        this.literals = literals;
    }

    public static UploadPattern of(String written) {
        List<String> literals = new ArrayList<>();
        int at = 0;
        for (Interpolation.Token t : Interpolation.scan(written)) {
            literals.add(unescape(written.substring(at, t.start())));
            at = t.end();
        }
        literals.add(unescape(written.substring(at)));
        return new UploadPattern(literals);
    }

    /** True when the string holds an expansion, so the uploaded text may differ from what is written. */
    public boolean hasWildcards() {
        return literals.size() > 1;
    }

    /**
     * True when the string is nothing but expansions and white space ({@code $CMD $ARGS}): it matches any command,
     * so matching it says nothing about which string a text came from.
     */
    public boolean onlyWildcards() {
        return literals.stream().allMatch(String::isBlank);
    }

    /**
     * Whether {@code text} is what the string can become. Each literal is placed at its first occurrence after the
     * previous one (the leftmost placement leaves the most room for the rest, so it never misses a match), which
     * keeps the work to one pass of {@code indexOf} per literal.
     */
    public boolean matches(String text) {
        if (literals.size() == 1) {
            return literals.get(0).equals(text);
        }
        String first = literals.get(0);
        String last = literals.get(literals.size() - 1);
        if (!text.startsWith(first) || text.length() < first.length() + last.length()
                || !text.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < literals.size() - 1; i++) {
            int found = text.indexOf(literals.get(i), from);
            if (found < 0 || found + literals.get(i).length() > end) {
                return false;
            }
            from = found + literals.get(i).length();
        }
        return true;
    }

    /** The escapes upload turns into a literal {@code $}: {@code $$} and {@code \$}. */
    private static String unescape(String text) {
        return text.replace("$$", "$").replace("\\$", "$");
    }
}
