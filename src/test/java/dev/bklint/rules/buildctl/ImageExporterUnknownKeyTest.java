package dev.bklint.rules.buildctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.text.Suggestions;
import org.junit.jupiter.api.Test;

/** BK411's key list holds every key the v0.32.2 image exporter reads, in upstream's exact spelling. */
class ImageExporterUnknownKeyTest {
    @Test
    void keysHandledInOptsGoAndKeysGoAreKnown() {
        for (String key : new String[] {"attestation-inline", "prefer-nondist-layers", "danging-name-empty-only"}) {
            assertTrue(ImageExporterUnknownKey.KEYS.contains(key), key);
        }
    }

    /** The "corrected" spelling is not what the exporter matches; the suggestion leads to the one it does. */
    @Test
    void theDictionarySpellingOfDanglingEmptyOnlyPointsToUpstreamsSpelling() {
        assertTrue(!ImageExporterUnknownKey.KEYS.contains("dangling-name-empty-only"));
        assertEquals("danging-name-empty-only",
                Suggestions.closest("dangling-name-empty-only", ImageExporterUnknownKey.KEYS));
    }
}
