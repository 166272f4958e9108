package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import org.junit.jupiter.api.Test;

/** A typo gets the nearest real word, and a mistyped command is not linted as a file. */
class TyposTest {
    private static final String GUIDE = "fixtures/guide/privileged.yml";

    @Test
    void anUnknownOptionNamesTheNearest() {
        Run run = Fixtures.run("--formt", "json", GUIDE);
        assertEquals(2, run.exit());
        assertEquals("bklint: Unknown option: '--formt'; did you mean --format? (see bklint --help)\n", run.err());
    }

    @Test
    void aMistypedCommandIsNotLintedAsAFile() {
        Run run = Fixtures.run("inspec", GUIDE);
        assertEquals(2, run.exit());
        assertEquals("bklint: inspec: no such file or command; did you mean inspect?\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpIsACommand() {
        Run run = Fixtures.run("help");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Usage: bklint"), run.out());
        Run sub = Fixtures.run("help", "explain");
        assertEquals(0, sub.exit(), sub.err());
        assertTrue(sub.out().startsWith("Usage: bklint explain"), sub.out());
    }

    @Test
    void explainSaysWhatItNeedsAndSuggests() {
        Run none = Fixtures.run("explain");
        assertEquals(2, none.exit());
        assertEquals("bklint: explain: name a rule (BK301 or cache-path-mismatch) or a cause (bklint rules and "
                + "bklint diagnose --list-causes list them)\n", none.err());
        Run typo = Fixtures.run("explain", "cache-path-mismatc");
        assertEquals(2, typo.exit());
        assertEquals("bklint: no rule or cause 'cache-path-mismatc'; did you mean cache-path-mismatch? (bklint "
                + "rules and bklint diagnose --list-causes list them)\n", typo.err());
    }
}
