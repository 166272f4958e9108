package dev.bklint.cli;

import dev.bklint.rules.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bklint explain BK301}: a rule's documentation, offline. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain a rule (by id or name).")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "Rule id (BK301) or name (cache-path-mismatch).")
    String rule;

    @Override
    public Integer call() {
        RuleMeta meta = RuleRegistry.load().find(rule);
        if (meta == null) {
            throw new IllegalArgumentException("no rule '" + rule + "' (bklint rules lists them)");
        }
        PrintWriter out = spec.commandLine().getOut();
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
