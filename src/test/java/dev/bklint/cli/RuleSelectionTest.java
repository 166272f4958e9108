package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --select} and {@code --ignore}: rules chosen on the command line, by id or name, over the configuration. */
class RuleSelectionTest {
    /** The guide's rootless example: BK108, BK201, BK202, BK203 and BK303 fire on it. */
    private static final String ROOTLESS = "fixtures/guide/rootless.yml";
    private static final Pattern RULE = Pattern.compile("\"rule\": \"(BK\\d{3})\"");

    @TempDir
    Path dir;

    /** The rules that report on the guide's rootless example with these options. */
    private static Set<String> rules(String... options) {
        return rulesOn(ROOTLESS, options);
    }

    private static Set<String> rulesOn(String file, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--no-config", "--format=json",
                "--fail-on=never"));
        args.addAll(java.util.List.of(options));
        args.add(file);
        Run run = Fixtures.run(args.toArray(new String[0]));
        assertEquals(0, run.exit(), run.err());
        Set<String> found = new TreeSet<>();
        Matcher m = RULE.matcher(run.out());
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyRuleRunsWithoutASelection() {
        assertEquals(Set.of("BK108", "BK201", "BK202", "BK203", "BK303"), rules());
    }

    @Test
    void selectTakesIdsNamesCommaListsAndRepeats() {
        assertEquals(Set.of("BK201"), rules("--select", "BK201"));
        assertEquals(Set.of("BK201"), rules("--select", "rootless-process-sandbox"));
        assertEquals(Set.of("BK201", "BK202", "BK303"), rules("--select", "bk201, rootless-seccomp-confined",
                "--select", "BK303"));
    }

    @Test
    void ignoreRemovesRulesAndWinsOverSelect() {
        assertEquals(Set.of("BK108", "BK202", "BK203"), rules("--ignore", "BK201,cache-ephemeral"));
        assertEquals(Set.of("BK202"), rules("--select", "BK201,BK202", "--ignore", "BK201"));
    }

    @Test
    void aSelectedRuleRunsWhereTheConfigurationTurnsItOff() throws IOException {
        Path config = Files.writeString(dir.resolve(".bklint.yaml"), "rules:\n  BK201: off\n  BK202: off\n");
        Run off = Fixtures.run("--config", config.toString(), "--format=json", "--fail-on=never", ROOTLESS);
        assertTrue(!off.out().contains("\"BK201\"") && off.out().contains("\"BK203\""), off.out());
        Run selected = Fixtures.run("--config", config.toString(), "--select", "BK201", "--format=json",
                "--fail-on=never", ROOTLESS);
        assertTrue(selected.out().contains("\"rule\": \"BK201\"") && !selected.out().contains("\"BK202\""),
                selected.out());
    }

    @Test
    void aFileBklintCouldNotReadIsReportedWhateverIsSelected() {
        String tooComplex = "fixtures/rules/BK009/fires.yml";
        assertEquals(Set.of("BK009"), rulesOn(tooComplex, "--select", "BK201"));
        assertEquals(Set.of(), rulesOn(tooComplex, "--select", "BK201", "--ignore", "BK009"));
    }

    @Test
    void aSuppressionForRulesThatDidNotRunIsNotReportedUnused() throws IOException {
        Path file = Files.writeString(dir.resolve("pipeline.yml"), "steps:\n  - command: make\n"
                + "    # bklint-ignore BK002 kept on purpose\n    env: {A: 1}\n");
        assertEquals(Set.of("BK007"), rulesOn(file.toString()), "BK002 ran and found nothing to suppress");
        assertEquals(Set.of(), rulesOn(file.toString(), "--select", "BK007"));
        assertEquals(Set.of(), rulesOn(file.toString(), "--ignore", "BK002"));
    }

    @Test
    void anUnknownRuleIsAUsageErrorThatSuggestsTheNearest() {
        Run run = Fixtures.run("--select", "BK2O1", ROOTLESS);
        assertEquals(2, run.exit());
        assertEquals("bklint: --select: no rule `BK2O1`; did you mean BK201? (bklint rules lists them)\n", run.err());
        Run name = Fixtures.run("--ignore", "rootles-process-sandbox", ROOTLESS);
        assertEquals(2, name.exit());
        assertTrue(name.err().contains("did you mean rootless-process-sandbox?"), name.err());
    }
}
