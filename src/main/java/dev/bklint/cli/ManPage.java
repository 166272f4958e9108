package dev.bklint.cli;

import dev.bklint.config.ConfigFile;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/man/bklint.1, written in roff (the man macros) from the same command model as help and docs/cli.md, so the
 * page cannot drift from the tool. picocli's own generator writes AsciiDoc, which needs Asciidoctor to become roff.
 * The page carries no date or version, so it changes only when the commands do.
 */
final class ManPage {
    private ManPage() {
    }

    /** The page for bklint and its visible subcommands. */
    static String render() {
        return render(Cli.create());
    }

    static String render(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        List<CommandSpec> commands = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                commands.add(sub.getCommandSpec());
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(".\\\" Generated from bklint's command definitions by `bklint docs docs/rules`; do not edit.\n");
        b.append(".TH BKLINT 1 \"\" \"bklint\" \"User Commands\"\n");
        // No hyphenation: a hyphen added to an option name or a path at the end of a line could be copied with it.
        b.append(".nh\n");
        b.append(".SH NAME\nbklint \\- ").append(text(lowerFirst(withoutFinalStop(description(spec))))).append('\n');

        b.append(".SH SYNOPSIS\n.nf\n").append(synopsis("bklint", spec)).append('\n');
        for (CommandSpec c : commands) {
            b.append(synopsis("bklint " + c.name(), c)).append('\n');
        }
        b.append(".fi\n");

        b.append(".SH DESCRIPTION\n").append(text(description(spec))).append('\n');
        positionals(b, spec);
        footer(b, spec);

        b.append(".SH OPTIONS\n");
        options(b, spec);

        b.append(".SH COMMANDS\n");
        for (CommandSpec c : commands) {
            b.append(".SS \"bklint ").append(c.name()).append("\"\n").append(text(description(c))).append('\n');
            positionals(b, c);
            options(b, c);
            footer(b, c);
        }

        b.append(".SH EXIT STATUS\n");
        // The statuses the commands return: LintCommand, DiagnoseCommand, LspCommand, and Main for 2 and 3.
        item(b, "\\fB0\\fR", "Linting: no finding at or above --fail-on. diagnose: a known cause was found. "
                + "Any other command: it did what was asked.");
        item(b, "\\fB1\\fR", "Linting: findings at or above --fail-on. diagnose: no known cause was found. "
                + "lsp: the session ended without a shutdown request first.");
        item(b, "\\fB" + Main.USAGE + "\\fR", "A usage error, an input that cannot be read, or a report that "
                + "cannot be written.");
        item(b, "\\fB" + Main.INTERNAL + "\\fR", "An internal error: one line asking for a bug report; --debug "
                + "adds the stack trace.");

        b.append(".SH ENVIRONMENT\n");
        item(b, "\\fBNO_COLOR\\fR", "When set, no colour unless --color=always.");
        item(b, "\\fBBKLINT_DOCS_URL\\fR", "Where rule pages are published, for the links in reports.");

        b.append(".SH FILES\n");
        List<String> files = new ArrayList<>();
        for (String name : ConfigFile.NAMES) {
            files.add("\\fI" + text(name) + "\\fR");
        }
        item(b, String.join(", ", files), "The configuration: the nearest from the working directory up to the "
                + "repository root (the language server looks from each document's folder); --config names another, "
                + "--no-config uses none.");

        b.append(".SH SEE ALSO\n")
                .append("\\fBbklint\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR; \\fBbklint explain\\fR \\fIRULE\\fR; "
                        + "docs/user\\-guide.md, docs/cli.md and docs/rules/ in bklint's source.\n");
        return b.toString();
    }

    /**
     * Text made safe for roff: a backslash would start an escape, a hyphen would be a typographic hyphen (so an
     * option copied from the page would not work), and a line starting with a dot or quote would be a request.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (b.length() > 0) {
                b.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                b.append("\\&");
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                switch (c) {
                    case '\\' -> b.append("\\e");
                    case '-' -> b.append("\\-");
                    case '`' -> b.append("\\(ga");
                    default -> b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static String synopsis(String name, CommandSpec spec) {
        StringBuilder b = new StringBuilder("\\fB").append(text(name)).append("\\fR");
        if (!spec.options().isEmpty()) {
            b.append(" [\\fIOPTIONS\\fR]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            boolean optional = p.arity().min() == 0;
            boolean many = p.arity().max() > 1;
            b.append(' ').append(optional ? "[" : "").append("\\fI").append(text(label(p))).append("\\fR")
                    .append(many ? "..." : "").append(optional ? "]" : "");
        }
        return b.toString();
    }

    private static void options(StringBuilder b, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String n : o.names()) {
                names.add("\\fB" + text(n) + "\\fR");
            }
            String head = String.join(", ", names) + (o.arity().max() > 0 ? " \\fI" + text(label(o)) + "\\fR" : "");
            item(b, head, String.join(" ", o.description()));
        }
    }

    private static void positionals(StringBuilder b, CommandSpec spec) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden() && p.description().length > 0) {
                item(b, "\\fI" + text(label(p)) + "\\fR", String.join(" ", p.description()));
            }
        }
    }

    /**
     * The footer's paragraphs, split at its blank lines as help shows them; the root's exit status line is left to
     * EXIT STATUS, which says more.
     */
    private static void footer(StringBuilder b, CommandSpec spec) {
        boolean inParagraph = false;
        for (String line : spec.usageMessage().footer()) {
            if (line.isBlank() || line.startsWith("Exit status:")) {
                inParagraph = false;
                continue;
            }
            if (!inParagraph) {
                b.append(".PP\n");
                inParagraph = true;
            }
            b.append(text(line)).append('\n');
        }
    }

    /** A tagged paragraph: {@code head} is already roff, {@code description} plain text. */
    private static void item(StringBuilder b, String head, String description) {
        b.append(".TP\n").append(head).append('\n').append(text(description)).append('\n');
    }

    private static String label(CommandLine.Model.ArgSpec arg) {
        String label = arg.paramLabel();
        return label.startsWith("<") && label.endsWith(">") ? label.substring(1, label.length() - 1) : label;
    }

    private static String description(CommandSpec spec) {
        return String.join(" ", spec.usageMessage().description());
    }

    private static String withoutFinalStop(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
