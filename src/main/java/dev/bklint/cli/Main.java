package dev.bklint.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

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
        System.exit(run(args, new PrintWriter(System.out, false), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        System.setProperty("dev.bklint.k8s", dev.bklint.rules.Options.CURRENT.toString());
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        Trace.mark("start");
        CommandLine cli = new CommandLine(new LintCommand());
        Trace.mark("command model");
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.getCommandSpec().versionProvider(() -> new String[] {Version.describe()});
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("bklint: " + e.getMessage() + " (see bklint --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                err.println("bklint: " + e.getMessage());
                return USAGE;
            }
            return internal(e, err, debug);
        });
        try {
            int code = cli.execute(args);
            out.flush();
            Trace.mark("done");
            return code;
        } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            return internal(e, err, debug);
        }
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
