package dev.bklint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing over the same grammar as {@link StructureSoakTest}: Jazzer's bytes choose the pieces
 * ({@link Choices#of(FuzzedDataProvider)}), so mutation explores aliases, complex keys, nesting and long lines
 * instead of breaking the YAML. {@code JAZZER_FUZZ=1 mvn -Pfuzz test -Dtest=StructureFuzzTest} fuzzes for real;
 * without {@code JAZZER_FUZZ} the profile replays the seed corpus. Every input runs through all formats ({@link EveryFormat}); an input slower than
 * {@link #PER_INPUT_MILLIS} is a finding too, since Jazzer's own timeout only catches a hang.
 */
class StructureFuzzTest {
    private static final long PER_INPUT_MILLIS = 30_000;
    private static Path dir;

    @FuzzTest(maxDuration = "60s")
    void grammarToEveryFormat(FuzzedDataProvider data) throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("bklint-structure-fuzz");
            dir.toFile().deleteOnExit();
        }
        int scale = 1 + data.consumeInt(0, 20);
        String yaml = HostileYaml.generate(Choices.of(data), scale);
        long start = System.nanoTime();
        EveryFormat.check(yaml, dir);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > PER_INPUT_MILLIS) {
            throw new IllegalStateException("one input took " + millis + " ms (" + yaml.length() + " characters)");
        }
    }
}
