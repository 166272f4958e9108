package dev.bklint.cli;

import dev.bklint.rules.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bklint docs DIR}: regenerates the rule pages (run from the repository root). */
@Command(name = "docs", hidden = true, mixinStandardHelpOptions = true,
        description = "Write one Markdown page per rule into DIR (from rules/ and fixtures/).")
public final class DocsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", defaultValue = "docs/rules")
    Path dir;

    @Override
    public Integer call() throws Exception {
        DocsGenerator generator = new DocsGenerator(Path.of(""));
        List<RuleMeta> metas = RuleRegistry.load().metas();
        Files.createDirectories(dir);
        for (RuleMeta m : metas) {
            Files.writeString(dir.resolve(m.id() + ".md"), generator.page(m), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("README.md"), generator.index(metas), StandardCharsets.UTF_8);
        Path parent = dir.toAbsolutePath().getParent();
        Files.writeString(parent.resolve("cli.md"), DocsGenerator.cliReference(), StandardCharsets.UTF_8);
        return 0;
    }
}
