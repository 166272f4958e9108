package dev.bklint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bklint.Fixtures;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gnu format as Vim's quickfix reads it, with the errorformat that docs/integrations.md gives: each entry has
 * the right file, line, column, type and text. Runs where Vim is installed (Debian's vim package).
 */
class VimQuickfixTest {
    static final String ERRORFORMAT = "%f:%l:%c:\\ %trror:\\ %m,%f:%l:%c:\\ %tarning:\\ %m,%f:%l:%c:\\ %tnfo:\\ %m";

    /** The recipes people copy are the one tested here: every errorformat and makeprg the docs give is the same. */
    @Test
    void theDocsGiveThisErrorformatAndAMakeprgThatWorksOutsideBklintsClone() throws IOException {
        for (Path doc : List.of(Path.of("docs/integrations.md"), Path.of("docs/formats.md"))) {
            List<String> lines = Files.readAllLines(doc);
            List<String> formats = lines.stream().filter(l -> l.startsWith("set errorformat=")).toList();
            assertEquals(List.of("set errorformat=" + ERRORFORMAT), formats, doc.toString());
            List<String> makeprgs = lines.stream().filter(l -> l.startsWith("set makeprg=")).toList();
            assertEquals(List.of("set makeprg=bklint\\ --format\\ gnu\\ --fail-on\\ never\\ %"), makeprgs,
                    doc + ": bklint from PATH, and never failing the :make itself");
        }
    }

    @Test
    void quickfixHoldsFileLineColumnAndText(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(new File("/usr/bin/vim").canExecute(), "vim is not installed");
        Path gnu = dir.resolve("bklint.txt");
        Files.writeString(gnu, Fixtures.run("--format=gnu", "fixtures/guide/rootless.yml").out());
        Path qf = dir.resolve("qf.txt");
        Process vim = new ProcessBuilder("/usr/bin/vim", "-es", "-N", "-u", "NONE", "-i", "NONE",
                "-c", "set errorformat=" + ERRORFORMAT, "-c", "cfile " + gnu, "-c", "redir! > " + qf,
                "-c", "silent clist", "-c", "redir END", "-c", "qa!")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).start();
        vim.getInputStream().readAllBytes();
        assumeTrue(vim.waitFor(60, TimeUnit.SECONDS), "vim did not finish");
        List<String> entries = Files.readAllLines(qf).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(5, entries.size(), String.join("\n", entries));
        assertTrue(entries.get(0).startsWith(" 1 fixtures/guide/rootless.yml:20 col 17 info: BuildKit's state in "
                + "container `main` is the emptyDir"), entries.get(0));
        assertTrue(entries.get(1).startsWith(" 2 fixtures/guide/rootless.yml:25 col 24 error: "
                + "`moby/buildkit:latest-rootless` is not a tag"), entries.get(1));
        assertTrue(entries.get(2).startsWith(" 3 fixtures/guide/rootless.yml:25 col 24 warning: Rootless BuildKit in "
                + "container `main` runs without seccomp"), entries.get(2));
    }
}
