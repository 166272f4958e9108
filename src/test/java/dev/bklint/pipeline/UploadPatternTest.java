package dev.bklint.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A pipeline string against the text upload makes of it: expansions are wildcards, escapes a literal dollar. */
class UploadPatternTest {
    @Test
    void withoutExpansionsOnlyTheSameTextMatches() {
        UploadPattern p = UploadPattern.of("make test");
        assertFalse(p.hasWildcards());
        assertTrue(p.matches("make test"));
        assertFalse(p.matches("make test2"));
    }

    @Test
    void everyExpansionFormStandsForAnyText() {
        UploadPattern p = UploadPattern.of("push app:${TAG} to $REGISTRY/${NAME:-app}");
        assertTrue(p.hasWildcards());
        assertTrue(p.matches("push app:1.2 to r.example.com/app"));
        assertTrue(p.matches("push app: to /")); // an unset variable becomes nothing
        assertFalse(p.matches("push web:1.2 to r.example.com/app"));
        assertFalse(p.matches("push app:1.2 from r.example.com/app"));
        assertTrue(p.matches("push app:1.2 to r.example.com/app --debug")); // a value may hold spaces
    }

    @Test
    void escapedDollarsAreLiteralAndNoWildcard() {
        UploadPattern p = UploadPattern.of("echo $${BUILDKITE_BUILD_NUMBER} \\$HOME");
        assertFalse(p.hasWildcards());
        assertTrue(p.matches("echo ${BUILDKITE_BUILD_NUMBER} $HOME"));
    }

    @Test
    void literalsMustAppearInOrderWithoutOverlappingTheEnds() {
        UploadPattern p = UploadPattern.of("a${X}b${Y}ab");
        assertTrue(p.matches("a-b-ab"));
        assertTrue(p.matches("abab"));
        assertFalse(p.matches("aab")); // "b" and the final "ab" cannot share a character
    }

    @Test
    void aStringOfExpansionsAloneFitsAnything() {
        assertTrue(UploadPattern.of("$SCRIPT ${ARGS}").onlyWildcards());
        assertFalse(UploadPattern.of("./build.sh ${ARGS}").onlyWildcards());
    }
}
