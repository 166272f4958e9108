package dev.bklint.buildkit;

import dev.bklint.pipeline.CommandText;
import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.List;

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
        return !script.quotesOrEscapesIn(flag.word().start(), end);
    }

    /** A CSV-valued flag ({@code --output}, {@code --export-cache}, {@code --import-cache}) with its options. */
    public record CsvFlag(Flag flag, CsvOptions options) {
    }

    /** Each use of a CSV-valued flag, in order. */
    public List<CsvFlag> csvFlags(String name) {
        List<CsvFlag> list = new ArrayList<>();
        for (Flag f : command.flags(name)) {
            if (f.value() != null) {
                list.add(new CsvFlag(f, command.csv(f)));
            }
        }
        return list;
    }

    /** The source span of one CSV entry of a flag's value (the whole value when it cannot be placed). */
    public Span entrySpan(Flag flag, CsvOptions.Entry entry) {
        if (flag.valueWord() == null || !isPlain(flag)) {
            return valueSpan(flag);
        }
        // The entry's offset is where its value starts (its key, when it has no value).
        int keyOffset = entry.value() == null ? entry.offset() : entry.offset() - entry.key().length() - 1;
        int start = flag.valueStart() + Math.max(0, keyOffset);
        int length = entry.key().length() + (entry.value() == null ? 0 : entry.value().length() + 1);
        return script.span(start, Math.min(start + length, flag.valueWord().end()));
    }
}
