package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bklint completion}: the script, sourced into a real bash (and zsh when there is one), completes bklint. */
class CompletionTest {
    /**
     * Sources the script and asks its completion function for the words that complete the last argument, as bash
     * does on TAB. compopt works only while bash itself runs a completion, so it does nothing here.
     */
    private static final String DRIVER = """
            source "$1"; shift
            compopt() { :; }
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
            _complete_bklint bklint "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """;

    @TempDir
    static Path dir;
    private static Path script;
    private static Path driver;

    @BeforeAll
    static void writeScript() throws IOException {
        Run run = Fixtures.run("completion", "bash");
        assertEquals(0, run.exit(), run.err());
        script = Files.writeString(dir.resolve("bklint.bash"), run.out(), StandardCharsets.UTF_8);
        driver = Files.writeString(dir.resolve("driver.sh"), DRIVER, StandardCharsets.UTF_8);
    }

    @Test
    void aCommandCompletes() throws Exception {
        assertEquals(List.of("diagnose"), complete("bklint", "di"));
    }

    @Test
    void everyVisibleCommandIsOfferedAndNoHiddenOne() throws Exception {
        assertEquals(List.of("diagnose", "inspect", "explain", "rules", "config", "lsp", "completion"),
                complete("bklint", ""));
        assertEquals(List.of(), complete("bklint", "pa"), "the hidden parse command");
        assertEquals(List.of(), complete("bklint", "do"), "the hidden docs command");
        String text = Files.readString(script);
        assertTrue(!text.contains("_picocli_bklint_parse") && !text.contains("_picocli_bklint_docs"), text);
    }

    @Test
    void anOptionCompletes() throws Exception {
        assertEquals(List.of("--format"), complete("bklint", "--fo"));
        assertEquals(List.of("--list-causes"), complete("bklint", "diagnose", "--li"));
    }

    @Test
    void anOptionsValuesComplete() throws Exception {
        assertTrue(complete("bklint", "--format", "").contains("sarif"), "--format values");
        assertEquals(List.of("sarif"), complete("bklint", "-f", "sa"));
        assertEquals(List.of("never"), complete("bklint", "--fail-on", "n"));
        assertEquals(List.of("auto", "always", "never"), complete("bklint", "--color", ""));
        assertEquals(List.of("text", "json", "markdown"), complete("bklint", "rules", "--format", ""));
        assertEquals(List.of("bash", "zsh"), complete("bklint", "completion", ""));
    }

    @Test
    void zshLoadsTheScript() throws Exception {
        assumeTrue(new File("/usr/bin/zsh").canExecute() || new File("/bin/zsh").canExecute(),
                "zsh is not installed");
        Path home = Files.createDirectories(dir.resolve("zsh-home"));
        // -f: no user start-up files; the script itself loads compinit and bashcompinit.
        ProcessBuilder pb = new ProcessBuilder("zsh", "-f", "-c",
                "source \"$1\" && print -r -- \"${_comps[bklint]}\"", "zsh", script.toString());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("ZDOTDIR", home.toString());
        Result r = run(pb);
        assertEquals("", r.err(), "zsh printed errors loading the script");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("_complete_bklint"), "zsh did not register the completion: " + r.out());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        Run run = Fixtures.run("completion", "fish");
        assertEquals(2, run.exit());
        assertEquals("bklint: completion: the shell must be bash or zsh, not 'fish'\n", run.err());
    }

    @Test
    void zshGetsTheSameScript() {
        assertEquals(Fixtures.run("completion", "bash").out(), Fixtures.run("completion", "zsh").out());
    }

    /** The words bash would offer for the last of {@code words}, in the order the script gives them. */
    private static List<String> complete(String... words) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "--norc", "--noprofile", driver.toString(),
                script.toString()));
        command.addAll(List.of(words));
        // An empty folder: a word that completes to no command falls back to file names.
        ProcessBuilder pb = new ProcessBuilder(command).directory(Files.createDirectories(dir.resolve("cwd"))
                .toFile());
        Result r = run(pb);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return r.out().lines().filter(l -> !l.isEmpty()).toList();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(ProcessBuilder pb) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shell did not finish");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
