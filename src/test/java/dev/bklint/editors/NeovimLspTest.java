package dev.bklint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Neovim's own LSP client (Debian's neovim package) against {@code bklint lsp}, headless, through
 * tools/editors/nvim-lsp-check.lua: the diagnostics arrive at lint's positions, and a quick fix applied by the
 * editor and saved repairs the file. Skipped, with the reason, where Neovim is not installed.
 */
class NeovimLspTest {
    @Test
    void neovimShowsTheFindingsAndAppliesAQuickFix(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(new File("/usr/bin/nvim").canExecute(), "Neovim is not installed (apt-get install neovim)");
        Path pipeline = dir.resolve("pipeline.yml");
        Files.copy(Path.of("fixtures/guide/rootless.yml"), pipeline);
        List<Finding> before = lint(pipeline);
        Finding fixable = before.stream().filter(f -> f.fix() != null && !f.fix().edits().isEmpty()).findFirst()
                .orElseThrow();
        String java = ProcessHandle.current().info().command().orElse("java");
        String cmd = String.join("\t", java, "-cp", System.getProperty("java.class.path"), "dev.bklint.cli.Main",
                "lsp", "--no-config", "--debounce-ms", "0");
        Path result = dir.resolve("result.txt");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/nvim", "--headless", "-u", "NONE", "-i", "NONE", "-n",
                "-c", "luafile " + Path.of("tools/editors/nvim-lsp-check.lua").toAbsolutePath())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PIPELINE", pipeline.toString());
        pb.environment().put("RESULT", result.toString());
        pb.environment().put("BKLINT_CMD", cmd);
        pb.environment().put("FIX_RULE", fixable.rule());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process nvim = pb.start();
        String output = new String(nvim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nvim.waitFor(120, TimeUnit.SECONDS), "Neovim did not finish: " + output);
        List<String> lines = Files.readAllLines(result);
        List<String> diagnostics = lines.stream().filter(l -> l.startsWith("diagnostic ")).sorted().toList();
        List<String> expected = before.stream().map(f -> "diagnostic " + f.span().line() + ":" + f.span().column()
                + " " + f.rule()).sorted().toList();
        assertEquals(expected, diagnostics, String.join("\n", lines) + "\n" + output);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("applied " + fixable.rule() + ": "), last + "\n" + output);
        long still = lint(pipeline).stream().filter(f -> f.rule().equals(fixable.rule())).count();
        long was = before.stream().filter(f -> f.rule().equals(fixable.rule())).count();
        assertTrue(still < was, "the saved file still has every " + fixable.rule() + ":\n" + Files.readString(pipeline));
    }

    private static List<Finding> lint(Path file) throws IOException {
        return new Linter(RuleRegistry.get(), Options.defaults())
                .lint(new SourceFile(file.toString(), Files.readString(file))).findings();
    }
}
