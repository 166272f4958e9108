package dev.bklint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./bklint} launcher's class-data cache, run against a fake JDK whose {@code java} records its
 * arguments: the cache is made in the background, used only when it was made for the current jar and the exact
 * JDK build, and never when the jar was rebuilt after it.
 */
class LauncherCacheTest {
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$*" >> "$JAVA_LOG"
            for a in "$@"; do
              case $a in -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) echo cache > "${a#*=}" ;; esac
            done
            """;

    @TempDir
    Path dir;
    private Path checkout;
    private Path log;
    private Path jar;

    @BeforeEach
    void checkout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("target"));
        Files.createDirectories(checkout.resolve("fixtures/guide"));
        Files.copy(Path.of("bklint"), checkout.resolve("bklint"));
        Files.writeString(checkout.resolve("fixtures/guide/rootless-strict.yml"), "steps: []\n");
        jar = checkout.resolve("target/bklint.jar");
        Files.writeString(jar, "not really a jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(600)));
        log = dir.resolve("java.log");
    }

    private Path jdk(String name, String feature, String build) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + build
                + "\"\nJAVA_VERSION=\"" + feature + ".0.1\"\n");
        return home;
    }

    /** Runs the launcher, waits for any background cache training, and returns the foreground java's arguments. */
    private String launch(Path jdk, Map<String, String> env) throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", checkout.resolve("bklint").toString(), "x.yml");
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("JAVA_LOG", log.toString());
        pb.environment().remove("BKLINT_NO_CACHE");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output, "the launcher prints nothing of its own");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hasLock() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(hasLock(), "background training finished");
        return Files.readAllLines(log).stream().filter(l -> l.endsWith(" x.yml")).findFirst().orElseThrow();
    }

    private boolean hasLock() throws IOException {
        Path cache = checkout.resolve("target/cache");
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (var files = Files.list(cache)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".lock"));
        }
    }

    private List<String> trainingRuns() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("CacheOutput=")
                || l.contains("ArchiveClassesAtExit=")).toList();
    }

    @Test
    void makesTheCacheInTheBackgroundThenUsesIt() throws Exception {
        Path jdk = jdk("jdk25", "25", "25.0.3+9-LTS");
        String first = launch(jdk, Map.of());
        assertFalse(first.contains("-XX:AOTCache="), first);
        assertEquals(1, trainingRuns().size());
        assertTrue(Files.isRegularFile(checkout.resolve("target/cache/bklint-25.0.3+9-LTS.aot")));

        String second = launch(jdk, Map.of());
        assertTrue(second.contains("-XX:AOTCache=" + checkout.resolve("target/cache/bklint-25.0.3+9-LTS.aot")),
                second);
        assertTrue(trainingRuns().isEmpty(), "a valid cache is not made again");
    }

    @Test
    void neverUsesACacheMadeForAnOlderJar() throws Exception {
        Path jdk = jdk("jdk25", "25", "25.0.3+9-LTS");
        launch(jdk, Map.of());
        assertTrue(launch(jdk, Map.of()).contains("-XX:AOTCache="));
        // The jar is rebuilt after the cache was made.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        String afterRebuild = launch(jdk, Map.of());
        assertFalse(afterRebuild.contains("-XX:AOTCache"), afterRebuild);
        assertEquals(1, trainingRuns().size(), "the cache is made again for the new jar");
    }

    @Test
    void aCacheBelongsToOneJdkBuild() throws Exception {
        Path older = jdk("jdk25a", "25", "25.0.2+10-LTS");
        Path newer = jdk("jdk25b", "25", "25.0.3+9-LTS");
        launch(older, Map.of());
        assertTrue(launch(older, Map.of()).contains("bklint-25.0.2+10-LTS.aot"));
        String other = launch(newer, Map.of());
        assertFalse(other.contains("-XX:AOTCache"), other);
    }

    @Test
    void jdk17UsesAnAppCdsArchive() throws Exception {
        Path jdk = jdk("jdk17", "17", "17.0.15+6");
        launch(jdk, Map.of());
        String second = launch(jdk, Map.of());
        assertTrue(second.contains("-XX:SharedArchiveFile=" + checkout.resolve("target/cache/bklint-17.0.15+6.jsa")),
                second);
        assertFalse(second.contains("AOTCache"), second);
    }

    @Test
    void noCacheWhenAskedOrWhenTrainingFails() throws Exception {
        Path jdk = jdk("jdk25", "25", "25.0.3+9-LTS");
        String off = launch(jdk, Map.of("BKLINT_NO_CACHE", "1"));
        assertFalse(off.contains("AOTCache"), off);
        assertTrue(trainingRuns().isEmpty());
        // A training run that fails leaves no cache behind, so the next run uses the plain flags.
        Files.writeString(jdk.resolve("bin/java"), FAKE_JAVA.replace("echo cache > \"${a#*=}\" ;;",
                "echo partial > \"${a#*=}\"; exit 1 ;;"));
        launch(jdk, Map.of());
        assertFalse(Files.exists(checkout.resolve("target/cache/bklint-25.0.3+9-LTS.aot")));
        assertFalse(launch(jdk, Map.of()).contains("-XX:AOTCache="));
    }
}
