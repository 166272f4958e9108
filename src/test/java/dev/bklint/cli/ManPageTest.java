package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/man/bklint.1: current with the commands, valid roff, and it names every command and option. */
class ManPageTest {
    private static final Path PAGE = Path.of("docs/man/bklint.1");

    @TempDir
    Path dir;

    @Test
    void theCommittedPageIsCurrent() throws Exception {
        assertEquals(ManPage.render(), Files.readString(PAGE), PAGE + " is out of date: run ./bklint docs docs/rules");
    }

    @Test
    void groffReadsItWithoutWarnings() throws Exception {
        Result r = groff("-man", "-Tutf8", "-ww", "-z", PAGE.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "groff warnings");
    }

    @Test
    void theRenderedPageNamesEveryCommandAndOption() throws Exception {
        String page = render(PAGE);
        CommandLine root = Cli.create();
        for (OptionSpec o : root.getCommandSpec().options()) {
            assertTrue(page.contains(o.longestName()), o.longestName() + " is missing from the page");
        }
        root.getSubcommands().forEach((name, sub) -> {
            boolean hidden = sub.getCommandSpec().usageMessage().hidden();
            assertEquals(!hidden, page.contains("bklint " + name + "\n"), "the section of bklint " + name);
        });
        assertTrue(page.contains("bklint completion [OPTIONS] SHELL"), page);
        assertTrue(page.contains("\n2 A usage error"), page);
    }

    @Test
    void textIsEscaped() {
        assertEquals("a\\eb \\-\\-format \\(gax\\(ga", ManPage.text("a\\b --format `x`"));
        assertEquals("\\&.buildkite starts\n\\&'quoted' too\nnot .here",
                ManPage.text(".buildkite starts\n'quoted' too\nnot .here"));
    }

    @Test
    void awkwardTextSurvivesRendering() throws Exception {
        String description = "C:\\pipelines\\a.yml and \\fB not bold";
        Path page = Files.writeString(dir.resolve("t.1"), ".TH T 1\n.SH NAME\nt\n.PP\n" + ManPage.text(description)
                + "\n" + ManPage.text(".SH NOT A SECTION") + "\n" + ManPage.text("'br not a request") + "\n",
                StandardCharsets.UTF_8);
        String text = render(page);
        assertTrue(text.contains(description), text);
        assertTrue(text.contains(".SH NOT A SECTION"), text);
        assertTrue(text.contains("'br not a request"), text);
    }

    /**
     * The page as a terminal shows it, without bold or underlining, and with each run of spaces made one: groff
     * justifies lines by widening the gaps between words, differently as the text around them changes.
     */
    private String render(Path page) throws Exception {
        Result r = groff("-man", "-Tutf8", "-P-cbou", page.toString());
        assertEquals(0, r.exit(), r.err());
        return r.out().replaceAll(" +", " ").replaceAll("(?m)^ ", "");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result groff(String... args) throws Exception {
        assumeTrue(new File("/usr/bin/groff").canExecute(), "groff is not installed");
        List<String> command = new ArrayList<>(List.of("groff"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "groff did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
