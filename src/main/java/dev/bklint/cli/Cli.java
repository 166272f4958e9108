package dev.bklint.cli;

import dev.bklint.text.Suggestions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command-line model, built in code rather than from annotations: reading annotations makes the JVM generate
 * proxy classes and field accessors at run time, which cost more than a whole lint on a cold start.
 */
final class Cli {
    /** A command: its options are read from what picocli parsed. */
    interface Command {
        int run(ParseResult parsed, PrintWriter out, PrintWriter err) throws Exception;
    }

    private Cli() {
    }

    /** Every subcommand by name, in the order help lists them: the one table of commands. */
    private static final Map<String, Supplier<CommandSpec>> SUBCOMMANDS = subcommands();
    private static final Set<String> SUBCOMMAND_NAMES = SUBCOMMANDS.keySet();

    private static Map<String, Supplier<CommandSpec>> subcommands() {
        Map<String, Supplier<CommandSpec>> m = new LinkedHashMap<>();
        m.put("diagnose", DiagnoseCommand::spec);
        m.put("inspect", InspectCommand::spec);
        m.put("explain", ExplainCommand::spec);
        m.put("rules", RulesCommand::spec);
        m.put("config", ConfigCommand::spec);
        m.put("lsp", LspCommand::spec);
        m.put("completion", CompletionCommand::spec);
        m.put("parse", ParseCommand::spec);
        m.put("docs", DocsCommand::spec);
        return Collections.unmodifiableMap(m);
    }

    /** bklint and all its subcommands (for help and the reference docs). */
    static CommandLine create() {
        return create(SUBCOMMAND_NAMES);
    }

    /**
     * bklint with the subcommands these arguments can reach. Each picocli command sets up its own type converters
     * by reflection, which costs several milliseconds per command on a cold start, so a plain lint builds only the
     * root. A subcommand is reachable only when its name is one of the arguments; help lists them all.
     */
    static CommandLine forArguments(List<String> args) {
        boolean help = args.stream().anyMatch(a -> a.equals("--help") || mayHoldShortOption(a, 'h'));
        return create(help ? SUBCOMMAND_NAMES : args);
    }

    /**
     * Whether an argument is a short-option cluster that holds {@code letter}, so might be {@code -h} or
     * {@code -V}; a false match (an option value with that letter) only costs the time a plain lint saves.
     */
    private static boolean mayHoldShortOption(String arg, char letter) {
        return !arg.startsWith("--") && arg.startsWith("-") && arg.indexOf(letter) > 0;
    }

    /** Whether these arguments ask for a lint: no subcommand, help or version. */
    static boolean isPlainLint(List<String> args) {
        for (String a : args) {
            if (SUBCOMMAND_NAMES.contains(a) || a.equals("--help") || a.equals("--version")
                    || mayHoldShortOption(a, 'h') || mayHoldShortOption(a, 'V')) {
                return false;
            }
        }
        return true;
    }

    private static CommandLine create(Collection<String> wanted) {
        CommandLine root = new CommandLine(LintCommand.spec());
        SUBCOMMANDS.forEach((name, spec) -> {
            if (wanted.contains(name)) {
                root.addSubcommand(name, new CommandLine(spec.get()));
            }
        });
        root.getCommandSpec().versionProvider(() -> new String[] {Version.describe()});
        return root;
    }

    /**
     * {@code bklint help [COMMAND]} as {@code bklint [COMMAND] --help}, the way git and cargo take it; a file named
     * {@code help} in the working directory is still linted.
     */
    static String[] helpAsOption(String[] args) {
        if (args.length == 0 || !args[0].equals("help") || args.length > 2 || exists("help")) {
            return args;
        }
        return args.length == 2 && SUBCOMMAND_NAMES.contains(args[1]) ? new String[] {args[1], "--help"}
                : args.length == 1 ? new String[] {"--help"} : args;
    }

    /** "; did you mean --format?" for an unknown option near a real one of its command, else "". */
    static String nearestOption(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || e.getCommandLine() == null) {
            return "";
        }
        for (String arg : u.getUnmatched()) {
            if (arg.startsWith("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> near = Suggestions.nearest(name,
                        e.getCommandLine().getCommandSpec().optionsMap().keySet());
                return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
            }
        }
        return "";
    }

    /**
     * A first file that does not exist but is near a command's name ({@code bklint inspec f.yml}) is a usage error:
     * linting the other arguments as files would answer a question that was not asked.
     */
    static void refuseMistypedCommand(List<String> files) {
        if (files.isEmpty() || files.get(0).equals("-") || exists(files.get(0))) {
            return;
        }
        List<String> commands = new ArrayList<>(SUBCOMMAND_NAMES);
        commands.add("help");
        List<String> near = Suggestions.nearest(files.get(0), commands);
        if (!near.isEmpty()) {
            throw new IllegalArgumentException(files.get(0) + ": no such file or command; did you mean "
                    + String.join(" or ", near) + "?");
        }
    }

    private static boolean exists(String name) {
        try {
            return Files.exists(Path.of(name), LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static CommandSpec command(String name, Command command, String description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /** The -h and -V options, worded as picocli's standard help mixin words them. */
    static CommandSpec withStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.versionProvider(() -> new String[] {Version.describe()});
        return spec;
    }

    /** Positional parameters collected into a list. */
    static PositionalParamSpec positionals(String label, String arity, String... description) {
        return PositionalParamSpec.builder().paramLabel(label).arity(arity).type(List.class)
                .auxiliaryTypes(String.class).description(description).build();
    }

    static List<String> positionals(ParseResult parsed) {
        return parsed.matchedPositionalValue(0, List.of());
    }
}
