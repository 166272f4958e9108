package dev.bklint.cli;

import dev.bklint.diagnose.Cause;
import dev.bklint.diagnose.CauseCatalog;
import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.text.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code bklint explain BK301} or {@code bklint explain rootless-process-sandbox}: a rule's or a failure cause's
 * documentation, offline. */
final class ExplainCommand implements Cli.Command {
    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("explain", new ExplainCommand(),
                "Explain a rule (by id or name) or a cause that diagnose names."));
        spec.addPositional(PositionalParamSpec.builder().paramLabel("RULE").type(String.class)
                .description("Rule id (BK301) or name (cache-path-mismatch), or a cause id (subuid-missing-for-uid).")
                .build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        String rule = parsed.matchedPositionalValue(0, "");
        if (rule.isBlank()) {
            throw new IllegalArgumentException("explain: name a rule (BK301 or cache-path-mismatch) or a cause "
                    + LISTS);
        }
        RuleMeta meta = RuleRegistry.get().find(rule);
        if (meta != null) {
            out.print(text(meta));
        } else {
            Cause cause = CauseCatalog.get().causes().stream().filter(c -> c.id().equals(rule)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no rule or cause '" + rule + "'"
                            + nearest(rule) + " " + LISTS));
            out.print(text(cause));
        }
        out.flush();
        return 0;
    }

    private static final String LISTS = "(bklint rules and bklint diagnose --list-causes list them)";

    /** "; did you mean ..." among rule ids, rule names and cause ids, or "". */
    private static String nearest(String word) {
        List<String> near = new ArrayList<>(RuleSelection.nearest(word, RuleRegistry.get()));
        if (near.isEmpty()) {
            near.addAll(Suggestions.nearest(word, CauseCatalog.get().causes().stream().map(Cause::id).toList()));
        }
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    static String text(RuleMeta meta) {
        StringBuilder b = new StringBuilder();
        b.append(meta.id()).append(' ').append(meta.name()).append(" (").append(meta.severity().label());
        if (meta.severityNote() != null) {
            b.append("; ").append(meta.severityNote());
        }
        b.append(")\n\n").append(meta.summary()).append(".\n\nWhy\n").append(indent(meta.rationale()))
                .append("\n\nFix\n").append(indent(meta.fix())).append("\n");
        if (!meta.references().isEmpty()) {
            b.append("\nReferences\n");
            for (String r : meta.references()) {
                b.append("  ").append(r).append('\n');
            }
        }
        b.append("\nDocumentation: ").append(meta.docPath()).append('\n');
        return b.toString();
    }

    static String text(Cause cause) {
        StringBuilder b = new StringBuilder();
        b.append(cause.id()).append(" (").append(cause.role()).append(", found by bklint diagnose)\n\n")
                .append(cause.title()).append(".\n\nWhy\n").append(indent(cause.why())).append("\n");
        if (!cause.note().isEmpty()) {
            b.append("\nWhat the log adds\n").append(indent(cause.note())).append("\n");
        }
        b.append("\nFix\n").append(indent(cause.fix())).append("\n");
        if (cause.hasRule()) {
            b.append("\nPrevented by ").append(cause.rule()).append(" (bklint explain ").append(cause.rule())
                    .append("); the why and fix above are that rule's.\n");
        }
        if (!cause.sources().isEmpty()) {
            b.append("\nSources\n");
            for (String s : cause.sources()) {
                b.append("  ").append(s).append('\n');
            }
        }
        return b.toString();
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
