package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build-time check that no cause pattern repeats an unbounded group without bound. */
class NestedQuantifiersTest {
    @ParameterizedTest
    @ValueSource(strings = {"(a+)+", "(.*)*x", "(?:x*y)+", "(a{2,})*", "((a+))+", "(a+){2,}", "(a+)++",
        "x(?:[^:]+:)+y", "(\\p{L}+)+", "(?<n>a|b*)*", "(a+){2,}?", "((ab)+c)*", "(\\(x+\\))+"})
    void rejectsAnUnboundedGroupRepeatedWithoutBound(String regex) {
        assertTrue(NestedQuantifiers.find(regex), regex);
        CauseCatalog.CauseFileError e = assertThrows(CauseCatalog.CauseFileError.class,
                () -> CauseCatalog.parse("x-cause.yaml", file(regex)));
        assertEquals("cause file x-cause.yaml: pattern `" + regex + "` repeats an unbounded group without bound, "
                + "which can backtrack for ever on a long line", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\(x+\\)+", "[()]+", "[(]a+[)]+", "(a+)?", "(a+){1,3}", "(ab)+", "(a|b)+",
        "([a+*])+", "\\Q(a+)+\\E", "(\\d{2})+", "\\[rootlesskit:child ?\\] error", "a+(b)+", "(?:a+)b+",
        "process \".*\" did not complete", "[]()]+", "\\p{L}+(x)+"})
    void acceptsWhatOnlyLooksNested(String regex) {
        assertFalse(NestedQuantifiers.find(regex), regex);
        CauseCatalog.parse("x-cause.yaml", file(regex));
    }

    private static String file(String regex) {
        return """
                id: x-cause
                title: A title
                role: cause
                priority: 500
                rule: none
                patterns:
                  - '%s'
                why: w
                fix: f
                sources:
                  - https://example.org/a
                tests:
                  match:
                    - 'abc'
                """.formatted(regex.replace("'", "''"));
    }
}
