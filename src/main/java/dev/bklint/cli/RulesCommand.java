package dev.bklint.cli;

import dev.bklint.report.ProjectLinks;
import dev.bklint.report.Json;
import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code bklint rules}: every rule, as text, JSON or a Markdown table. */
final class RulesCommand implements Cli.Command {
    private static final Opt<String> FORMAT = Opt.value("--format", "FORMAT", String.class, "text",
            "text (default), json or markdown.").withShortName("-f")
            .withValues(List.of("text", "json", "markdown"));

    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("rules", new RulesCommand(), "List the rules."));
        FORMAT.addTo(spec);
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        String format = FORMAT.get(parsed);
        List<RuleMeta> metas = RuleRegistry.get().metas();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text":
                for (RuleMeta m : metas) {
                    out.printf("%-6s %-8s %-36s %s%n", m.id(), m.severity().label(), m.name(), m.summary());
                }
                break;
            case "json":
                List<Object> list = new ArrayList<>();
                for (RuleMeta m : metas) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", m.id());
                    r.put("name", m.name());
                    r.put("severity", m.severity().label());
                    r.put("severityNote", m.severityNote());
                    r.put("family", m.family());
                    r.put("summary", m.summary());
                    // How safe the rule's edits are (safe or unsafe); null for a rule whose fixes are advice only.
                    r.put("fixApplicability", m.fixApplicability() == null ? null : m.fixApplicability().label());
                    r.put("doc", m.docPath());
                    r.put("url", ProjectLinks.ruleDoc(m)); // null unless a documentation address is set
                    r.put("explain", "bklint explain " + m.id());
                    list.add(r);
                }
                out.println(Json.write(list));
                break;
            case "markdown":
                out.print(markdown(metas));
                break;
            default:
                throw new IllegalArgumentException("--format must be text, json or markdown, not '" + format + "'");
        }
        out.flush();
        return 0;
    }

    static String markdown(List<RuleMeta> metas) {
        StringBuilder b = new StringBuilder("| id | name | severity | summary |\n|---|---|---|---|\n");
        for (RuleMeta m : metas) {
            b.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | `").append(m.name())
                    .append("` | ").append(m.severity().label())
                    .append(m.severityNote() == null ? "" : " (" + m.severityNote() + ")").append(" | ")
                    .append(m.summary()).append(" |\n");
        }
        return b.toString();
    }
}
