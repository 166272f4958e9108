package dev.bklint.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import dev.bklint.engine.WarmUp;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Entry point. Every failure ends as one line and a distinct exit code: 2 for usage errors and unreadable input,
 * 3 for an internal error (with a stack trace only under {@code --debug}).
 */
public final class Main {
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, StandardStreams.stdout(), StandardStreams.stderr()));
    }

    /**
     * Runs bklint and returns its exit status. A report that could not be written to {@code out} (a full disk, a
     * closed pipe) turns any status but 3 into 2, with one line on {@code err}; {@code err} shows control characters
     * escaped.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        PrintWriter safeErr = StandardStreams.escaping(err);
        int code = runCommand(args, out, safeErr);
        String failure = StandardStreams.failure(out);
        if (failure != null && code != INTERNAL) {
            safeErr.println("bklint: cannot write to standard output: " + failure);
            code = USAGE;
        }
        safeErr.flush();
        return code;
    }

    private static int runCommand(String[] given, PrintWriter out, PrintWriter err) {
        String[] args = Cli.helpAsOption(given);
        List<String> arguments = Arrays.asList(args);
        boolean debug = arguments.contains("--debug");
        try {
            Trace.mark("start");
            if (Cli.isPlainLint(arguments)) {
                WarmUp.start();
            }
            CommandLine cli = Cli.forArguments(arguments);
            cli.setOut(out);
            cli.setErr(err);
            Trace.mark("command model");
            ParseResult parsed;
            try {
                parsed = cli.parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                err.println("bklint: " + e.getMessage() + Cli.nearestOption(e) + " (see bklint --help)");
                return USAGE;
            }
            cli.setColorScheme(CommandLine.Help.defaultColorScheme(helpAnsi(parsed)));
            if (CommandLine.printHelpIfRequested(parsed)) {
                out.flush();
                return 0;
            }
            if (!parsed.hasSubcommand()) {
                Cli.refuseMistypedCommand(Cli.positionals(parsed));
            }
            ParseResult command = parsed;
            while (command.hasSubcommand()) {
                command = command.subcommand();
            }
            int code = ((Cli.Command) command.commandSpec().userObject()).run(command, out, err);
            out.flush();
            Trace.mark("done");
            return code;
        } catch (IllegalArgumentException e) {
            err.println("bklint: " + e.getMessage());
            return USAGE;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return internal(e, err, debug);
        }
    }

    /**
     * Colour for help as for reports: {@code --color} on the command asked for help, else off under NO_COLOR, else
     * picocli's own terminal test.
     */
    static CommandLine.Help.Ansi helpAnsi(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        return switch (CommonOptions.COLOR.get(command).toLowerCase(Locale.ROOT)) {
            case "always" -> CommandLine.Help.Ansi.ON;
            case "never" -> CommandLine.Help.Ansi.OFF;
            default -> System.getenv("NO_COLOR") != null ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO;
        };
    }

    private static int internal(Throwable e, PrintWriter err, boolean debug) {
        err.println("bklint: internal error: " + e + ". This is a bug in bklint; please report it with the input "
                + "that caused it (run with --debug for the stack trace).");
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }
}
