package dev.bklint.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structure-aware fuzzing for a fixed time on every test run: {@link HostileYaml} pipelines from fresh seeds,
 * each run through the command line with every format ({@link EveryFormat}). 3 s on a contributor's machine and
 * 15 s in CI ({@code CI=true}, as every CI service sets it), so CI explores five times as much; set
 * {@code -Dbklint.soak.seconds=N} for a longer run. A failure names the seed, and
 * {@code -Dbklint.soak.seed=S} replays it alone.
 */
class StructureSoakTest {
    /** One input may take this long: far above any real pipeline, so only a hang or blow-up trips it. */
    private static final Duration PER_INPUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void hostileStructuresGetBoundedAnswers() throws IOException {
        String replay = System.getProperty("bklint.soak.seed");
        if (replay != null) {
            runSeed(Long.parseLong(replay));
            return;
        }
        long seconds = Long.getLong("bklint.soak.seconds", "true".equals(System.getenv("CI")) ? 15 : 3);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long seed = Long.getLong("bklint.soak.start", System.nanoTime());
        int inputs = 0;
        while (System.nanoTime() < end) {
            runSeed(seed + inputs);
            inputs++;
        }
        System.out.println("StructureSoakTest: " + inputs + " inputs in " + seconds + " s from seed " + seed);
    }

    private void runSeed(long seed) throws IOException {
        Random random = new Random(seed);
        String yaml = HostileYaml.generate(Choices.of(random), 1 + random.nextInt(random.nextInt(10) == 0 ? 100 : 8));
        Path work = Files.createDirectories(dir.resolve(Long.toHexString(seed)));
        if (System.getProperty("bklint.soak.trace") != null) {
            Files.writeString(Path.of("target", "soak-current.yml"), "# seed " + seed + "\n" + yaml);
        }
        try {
            assertTimeoutPreemptively(PER_INPUT, () -> EveryFormat.check(yaml, work));
        } catch (AssertionError | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            Path kept = Files.writeString(Path.of("target", "soak-failure-" + seed + ".yml"), yaml);
            throw new AssertionError("seed " + seed + " (input kept in " + kept + ", replay with -Dbklint.soak.seed="
                    + seed + "): " + e.getMessage(), e);
        }
    }
}
