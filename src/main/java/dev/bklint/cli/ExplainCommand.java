package dev.bklint.cli;

import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code bklint explain BK301}: a rule's documentation, offline. */
final class ExplainCommand implements Cli.Command {
    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("explain", new ExplainCommand(),
                "Explain a rule (by id or name)."));
        spec.addPositional(PositionalParamSpec.builder().paramLabel("RULE").type(String.class)
                .description("Rule id (BK301) or name (cache-path-mismatch).").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        String rule = parsed.matchedPositionalValue(0, "");
        RuleMeta meta = RuleRegistry.get().find(rule);
        if (meta == null) {
            throw new IllegalArgumentException("no rule '" + rule + "' (bklint rules lists them)");
        }
        out.print(text(meta));
        out.flush();
        return 0;
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

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
