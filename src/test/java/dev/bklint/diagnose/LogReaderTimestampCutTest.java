package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bklint.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * LogReader.read cuts a line's leading Buildkite timestamp itself, before normalise, for speed: every line it hands on
 * must still be exactly {@code normalise} of the raw line.
 */
class LogReaderTimestampCutTest {
    private static final String ESC = "\u001B";
    private static final String BEL = "\u0007";
    private static final List<String> PREFIXES = List.of("", ESC + "_bk;t=1700000000000" + BEL,
            ESC + "_bk;t=17" + ESC + "\\", ESC + "_bk;t=17", ESC + "_bk;t=17" + ESC + "[31m", ESC + "]0;title" + BEL,
            ESC + "Pdcs" + ESC + "\\", ESC + "^pm" + BEL, ESC + "Xsos" + BEL, ESC + "_" + BEL, ESC + "_",
            ESC + "_bk;t=1" + BEL + ESC + "_bk;t=2" + BEL, ESC + "[32m", ESC);
    private static final List<String> BODIES = List.of("", "#4 0.109 runc run failed", "2024-01-02T03:04:05Z text",
            "a\rb", "done\r", ESC + "[1mbold" + ESC + "[0m", "x" + ESC + "_y" + BEL + "z", "🚨 Error: x",
            "tail " + ESC, "\\");

    @Test
    void everyLineIsWhatNormaliseMakesOfIt() throws IOException {
        List<String> raw = new ArrayList<>();
        for (String p : PREFIXES) {
            for (String b : BODIES) {
                raw.add(p + b);
            }
        }
        Random random = new Random(7);
        for (int k = 0; k < 2_000; k++) {
            StringBuilder s = new StringBuilder();
            for (int parts = random.nextInt(4); parts >= 0; parts--) {
                s.append(random.nextBoolean() ? PREFIXES.get(random.nextInt(PREFIXES.size()))
                        : BODIES.get(random.nextInt(BODIES.size())));
            }
            raw.add(s.toString());
        }
        try (Stream<Path> files = Files.list(Fixtures.DIAGNOSE)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                raw.addAll(List.of(Files.readString(log).split("\n", -1)));
            }
        }
        List<String> read = new ArrayList<>();
        LogReader.read(new ByteArrayInputStream(String.join("\n", raw).getBytes(StandardCharsets.UTF_8)), "x",
                l -> read.add(l.text()));
        // The joined text ends without a newline: its last line is read unless it is empty.
        List<String> expected = new ArrayList<>(raw.stream().map(LogReader::normalise).toList());
        if (raw.get(raw.size() - 1).isEmpty()) {
            expected.remove(expected.size() - 1);
        }
        assertEquals(expected, read);
    }
}
