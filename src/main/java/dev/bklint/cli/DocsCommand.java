package dev.bklint.cli;

import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Model.PositionalParamSpec;
import java.io.PrintWriter;
import java.io.IOException;

/**
 * {@code bklint docs DIR}: regenerates the rule pages, docs/cli.md and the man page (run from the repository root).
 */
final class DocsCommand implements Cli.Command {
    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("docs", new DocsCommand(),
                "Write one Markdown page per rule into DIR (from rules/ and fixtures/), and beside DIR the command-line "
                        + "reference (cli.md) and the man page (man/bklint.1)."));
        spec.usageMessage().hidden(true);
        spec.addPositional(PositionalParamSpec.builder().paramLabel("DIR").type(Path.class).defaultValue("docs/rules")
                .build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) throws IOException {
        Path dir = parsed.matchedPositionalValue(0, Path.of("docs/rules"));
        DocsGenerator generator = new DocsGenerator(Path.of(""));
        List<RuleMeta> metas = RuleRegistry.get().metas();
        Files.createDirectories(dir);
        for (RuleMeta m : metas) {
            Files.writeString(dir.resolve(m.id() + ".md"), generator.page(m), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("README.md"), generator.index(metas), StandardCharsets.UTF_8);
        Path parent = dir.toAbsolutePath().getParent();
        Files.writeString(parent.resolve("cli.md"), DocsGenerator.cliReference(), StandardCharsets.UTF_8);
        Path man = Files.createDirectories(parent.resolve("man"));
        Files.writeString(man.resolve("bklint.1"), ManPage.render(), StandardCharsets.UTF_8);
        return 0;
    }
}
