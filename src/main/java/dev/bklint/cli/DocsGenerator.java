package dev.bklint.cli;

import dev.bklint.finding.Applicability;
import dev.bklint.finding.RuleMeta;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Writes {@code docs/rules/BKnnn.md} from each rule's metadata and its fixtures, including bklint's real output
 * on the triggering fixture, so that the pages cannot drift from the tool.
 */
public final class DocsGenerator {
    private final Path root;

    public DocsGenerator(Path root) {
        this.root = root;
    }

    public static Path firesFixture(RuleMeta m) {
        return Path.of("fixtures", "rules", m.id(), "fires.yml");
    }

    public static Path silentFixture(RuleMeta m) {
        return Path.of("fixtures", "rules", m.id(), "silent.yml");
    }

    public String page(RuleMeta m) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(m.id()).append(" ").append(m.name()).append("\n\n");
        b.append("**Severity:** ").append(m.severity().label());
        if (m.severityNote() != null) {
            b.append(" (").append(m.severityNote()).append(")");
        }
        b.append(" · **Family:** ").append(m.family());
        if (m.fixApplicability() == Applicability.SAFE) {
            b.append(" · **Fix:** safe, applied by `bklint --fix`");
        } else if (m.fixApplicability() == Applicability.UNSAFE) {
            b.append(" · **Fix:** unsafe, applied only by `bklint --fix --unsafe-fixes`");
        }
        b.append("\n\n");
        b.append(m.summary()).append(".\n\n## Why\n\n").append(m.rationale()).append("\n\n## Fix\n\n")
                .append(m.fix()).append("\n\n");
        Path fires = firesFixture(m);
        if (Files.exists(root.resolve(fires))) {
            b.append("## Example\n\n`").append(slash(fires)).append("`:\n\n```yaml\n")
                    .append(read(fires)).append("```\n\n`./bklint ").append(String.join(" ", args(fires)))
                    .append("` prints:\n\n```text\n").append(run(fires)).append("```\n\n");
        }
        Path silent = silentFixture(m);
        if (Files.exists(root.resolve(silent))) {
            b.append("## A close look-alike that is fine\n\n`").append(slash(silent))
                    .append("` does not trigger ").append(m.id()).append(":\n\n```yaml\n").append(read(silent))
                    .append("```\n\n");
        }
        if (!m.references().isEmpty()) {
            b.append("## References\n\n");
            for (String r : m.references()) {
                b.append("- <").append(r).append(">\n");
            }
            b.append('\n');
        }
        b.append("Run `./bklint explain ").append(m.id()).append("` for this page in a terminal.\n");
        return b.toString();
    }

    /** docs/cli.md: every command's usage, as picocli prints it. */
    public static String cliReference() {
        CommandLine root = Cli.create();
        root.getCommandSpec().usageMessage().width(110);
        StringBuilder b = new StringBuilder("# bklint command-line reference\n\nGenerated from the command definitions by "
                + "`./bklint docs docs/rules`; `./bklint COMMAND --help` prints the same.\n\n");
        b.append("## bklint\n\n```text\n").append(root.getUsageMessage(Ansi.OFF))
                .append("```\n");
        for (var sub : root.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            sub.getCommandSpec().usageMessage().width(110);
            b.append("\n## bklint ").append(sub.getCommandName()).append("\n\n```text\n")
                    .append(sub.getUsageMessage(Ansi.OFF)).append("```\n");
        }
        return b.toString();
    }

    public String index(List<RuleMeta> metas) {
        long families = metas.stream().map(RuleMeta::family).distinct().count();
        return "# bklint rules\n\n" + metas.size() + " rules in " + families + " families. Each page is generated from "
                + "`rules/<id>.yaml` and the rule's fixtures by `./bklint docs docs/rules`.\n\n"
                + RulesCommand.markdown(metas);
    }

    private String read(Path fixture) throws IOException {
        String text = Files.readString(root.resolve(fixture), StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** The fixture's arguments: its {@code # bklint-args:} line (and its rule selected), then the path. */
    public List<String> args(Path fixture) throws IOException {
        List<String> args = new ArrayList<>(FixtureArgs.forFixture(fixture, read(fixture)));
        args.add(slash(fixture));
        return args;
    }

    private String run(Path fixture) throws IOException {
        List<String> args = new ArrayList<>(List.of("--color=never", "--fail-on=never"));
        args.addAll(args(fixture));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return out.toString() + err;
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
