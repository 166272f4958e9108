package dev.bklint.buildkit;

import dev.bklint.pipeline.CommandText;
import dev.bklint.source.Span;

/** One {@code buildctl} or {@code buildctl-daemonless.sh} command line in a container's script. */
public record Invocation(BuildctlCommand command, CommandText script, BuildkitContainer container) {
    public Span span(Word word) {
        return script.span(word.start(), word.end());
    }

    public Span span(int start, int end) {
        return script.span(start, end);
    }

    public Span flagSpan(Flag flag) {
        int end = flag.valueWord() != null ? flag.valueWord().end() : flag.word().end();
        return script.span(flag.word().start(), end);
    }

    /** Where the flag's value is written (the whole flag when it has none). */
    public Span valueSpan(Flag flag) {
        if (flag.valueWord() == null) {
            return flagSpan(flag);
        }
        int start = Math.max(flag.valueWord().start(), Math.min(flag.valueStart(), flag.valueWord().end()));
        return script.span(start, flag.valueWord().end());
    }

    /** True when the flag and its value are written without quotes or escapes, so edits can replace them as text. */
    public boolean isPlain(Flag flag) {
        int end = flag.valueWord() != null ? flag.valueWord().end() : flag.word().end();
        String raw = script.text().substring(flag.word().start(), end);
        return raw.indexOf('"') < 0 && raw.indexOf('\'') < 0 && raw.indexOf('\\') < 0;
    }
}
