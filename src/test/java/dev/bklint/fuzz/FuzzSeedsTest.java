package dev.bklint.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input the fuzzers keep (the seeds, and each crash committed as a seed) replayed as a plain test on every
 * run: the Jazzer engine itself only runs in the {@code fuzz} profile, as it instruments every class first.
 */
class FuzzSeedsTest {
    private static final Path SEEDS = Path.of("src/test/resources/dev/bklint/fuzz/LintFuzzTestInputs/bytesToFindings");

    static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            List<Path> all = files.sorted().toList();
            assertFalse(all.isEmpty(), "no seeds in " + SEEDS);
            return all;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void eachSeedGivesFindingsOrAnInputError(Path seed) throws IOException {
        BytesToFindings.check(Files.readAllBytes(seed));
    }
}
