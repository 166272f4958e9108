package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A {@code buildctl} or {@code buildctl-daemonless.sh} command line, split into flags and arguments. */
public final class BuildctlCommand {

    private final Launcher launcher;
    private final SimpleCommand command;
    private final Word subcommand;
    private final String subcommandName;
    private final List<Flag> flags;
    private final List<Word> positionals;
    /** Each flag's value read as CSV, once it is asked for: several rules look at the same --output. */
    private final CsvOptions[] csv;

    private BuildctlCommand(Launcher launcher, SimpleCommand command, BuildctlParser parser) {
        this.launcher = launcher;
        this.command = command;
        this.subcommand = parser.subcommand();
        this.subcommandName = parser.subcommandName();
        this.flags = List.copyOf(parser.flags());
        this.positionals = List.copyOf(parser.positionals());
        this.csv = new CsvOptions[flags.size()];
    }

    /**
     * The buildctl invocation in {@code command}, if its program is buildctl or buildctl-daemonless.sh
     * (which hands all its arguments to buildctl). Value offsets are best effort when the value word is
     * quoted; use {@link #of(SimpleCommand, ShellScript)} for exact ones.
     */
    public static Optional<BuildctlCommand> of(SimpleCommand command) {
        return of(command, null);
    }

    /** As {@link #of(SimpleCommand)}, with exact value offsets taken from the script {@code command} came from. */
    public static Optional<BuildctlCommand> of(SimpleCommand command, ShellScript script) {
        if (command == null) {
            return Optional.empty();
        }
        return Launcher.forProgramName(command.programName()).map(launcher -> {
            BuildctlParser parser = new BuildctlParser(command.words(), script);
            parser.parse();
            return new BuildctlCommand(launcher, command, parser);
        });
    }

    public Launcher launcher() {
        return launcher;
    }

    public SimpleCommand command() {
        return command;
    }

    public Word programWord() {
        return command.words().get(0);
    }

    /** The subcommand word as written ({@code b} stays {@code b}), or null. */
    public Word subcommand() {
        return subcommand;
    }

    /** The subcommand with aliases resolved ({@code b} reads as {@code build}), or null. */
    public String subcommandName() {
        return subcommandName;
    }

    public boolean isBuild() {
        return "build".equals(subcommandName);
    }

    /** Every flag, in command-line order. */
    public List<Flag> flags() {
        return flags;
    }

    /** The known global flags, wherever written (see {@link Flag#afterSubcommand()}). */
    public List<Flag> globalFlags() {
        return flags.stream().filter(Flag::global).toList();
    }

    /** All flags with canonical {@code name}, in order. */
    public List<Flag> flags(String name) {
        List<Flag> named = null;
        for (Flag flag : flags) {
            if (flag.name().equals(name)) {
                if (named == null) {
                    named = new ArrayList<>(2);
                }
                named.add(flag);
            }
        }
        return named == null ? List.of() : Collections.unmodifiableList(named);
    }

    /** The last flag named {@code name} (the one Go's flag parsing keeps for single-valued flags), or null. */
    public Flag flag(String name) {
        for (int i = flags.size() - 1; i >= 0; i--) {
            if (flags.get(i).name().equals(name)) {
                return flags.get(i);
            }
        }
        return null;
    }

    public boolean hasFlag(String name) {
        return flag(name) != null;
    }

    /** A flag's value read as CSV options ({@code type=image,name=x}); none when it has no value. */
    @SuppressWarnings("ReferenceEquality") // this command's own flag object: two equal flags keep their own memo
    public CsvOptions csv(Flag flag) {
        for (int i = 0; i < csv.length; i++) {
            if (flags.get(i) == flag) {
                // CsvOptions is immutable (final fields), so a race here only parses the value twice.
                if (csv[i] == null) {
                    csv[i] = CsvOptions.parse(flag.value());
                }
                return csv[i];
            }
        }
        return CsvOptions.parse(flag.value());
    }

    /** Non-flag words after the subcommand. */
    public List<Word> positionals() {
        return positionals;
    }
}
