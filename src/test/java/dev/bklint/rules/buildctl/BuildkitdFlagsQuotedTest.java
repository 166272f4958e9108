package dev.bklint.rules.buildctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BK416 says what the quotes really do: a quoted word is ignored (not rejected); a quoted value keeps its quotes. */
class BuildkitdFlagsQuotedTest {
    @Test
    void aQuotedSandboxFlagIsSilentlyIgnored() {
        String text = BuildkitdFlagsQuoted.effect(List.of("\"--oci-worker-no-process-sandbox\""), List.of());
        assertTrue(text.contains("does not start with `-`"), text);
        assertTrue(text.contains("silently ignores it"), text);
        assertTrue(text.contains("the first `RUN` fails as in BK201"), text);
        assertFalse(text.contains("reject"), text);
    }

    @Test
    void aQuotedValueKeepsItsQuotes() {
        String text = BuildkitdFlagsQuoted.effect(List.of(), List.of("--root=\"/x\""));
        assertEquals("`--root=\"/x\"` keeps its quote characters in the value.", text);
    }
}
