package dev.bklint.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * One command-line option, written once: {@link #addTo} declares it on a command and {@link #get} reads what was
 * given (or its default), so a name typed twice cannot drift apart.
 */
final class Opt<T> {
    private final String[] names;
    private final String label;
    private final Class<?> type;
    private final T fallback;
    private final String description;
    private final boolean repeatable;
    private final List<String> values;

    private Opt(String[] names, String label, Class<?> type, T fallback, String description, boolean repeatable,
            List<String> values) {
        this.names = names;
        this.label = label;
        this.type = type;
        this.fallback = fallback;
        this.description = description;
        this.repeatable = repeatable;
        this.values = values;
    }

    /** An option with a value; {@code fallback} when it is not given. */
    static <T> Opt<T> value(String name, String label, Class<T> type, T fallback, String description) {
        return new Opt<>(new String[] {name}, label, type, fallback, description, false, null);
    }

    /** An option without a value: false unless given. */
    static Opt<Boolean> flag(String name, String description) {
        return new Opt<>(new String[] {name}, null, boolean.class, false, description, false, null);
    }

    /** An option that may be given several times, each value kept in order; names short first. */
    static Opt<List<String>> repeatable(String label, String description, String... names) {
        return new Opt<>(names, label, List.class, List.of(), description, true, null);
    }

    /** The same option with a short name too ({@code -f}). */
    Opt<T> withShortName(String shortName) {
        return new Opt<>(new String[] {shortName, name()}, label, type, fallback, description, repeatable, values);
    }

    /**
     * The same option with the values it accepts, which shell completion offers; the command still checks the value
     * itself, with its own message.
     */
    Opt<T> withValues(List<String> accepted) {
        return new Opt<>(names, label, type, fallback, description, repeatable, List.copyOf(accepted));
    }

    /** The values it accepts (those {@link #withValues} gave), or an empty list for any. */
    List<String> values() {
        return values == null ? List.of() : values;
    }

    /** The same option described for another command. */
    Opt<T> described(String otherDescription) {
        return new Opt<>(names, label, type, fallback, otherDescription, repeatable, values);
    }

    String name() {
        return names[names.length - 1];
    }

    void addTo(CommandSpec spec) {
        OptionSpec.Builder b = OptionSpec.builder(names).type(type).description(description);
        if (label != null) {
            b.paramLabel(label);
        }
        if (values != null) {
            b.completionCandidates(values);
        }
        if (repeatable) {
            b.auxiliaryTypes(String.class);
        } else if (fallback != null && type != boolean.class) {
            b.defaultValue(String.valueOf(fallback));
        }
        spec.addOption(b.build());
    }

    T get(ParseResult parsed) {
        return parsed.matchedOptionValue(name(), fallback);
    }
}
