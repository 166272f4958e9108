package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --statistics}: one line per rule that fired, with its count, after the report (as ruff does). */
class StatisticsTest {
    private static final String PIPELINE = "fixtures/guide/rootless.yml";
    private static final Pattern LINE = Pattern.compile("(?m)^ *(\\d+)  (BK\\d{3}) ([a-z0-9-]+)$");

    private static int occurrences(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void countsEachRuleAfterTheTextReport() {
        Run plain = Fixtures.run("--color=never", PIPELINE);
        Run run = Fixtures.run("--color=never", "--statistics", PIPELINE);
        assertEquals(plain.exit(), run.exit(), "statistics do not change the exit status");
        assertTrue(run.out().startsWith(plain.out()), "the report comes first, unchanged:\n" + run.out());
        String stats = run.out().substring(plain.out().length());
        Matcher m = LINE.matcher(stats);
        int rules = 0;
        int total = 0;
        int previous = Integer.MAX_VALUE;
        while (m.find()) {
            int count = Integer.parseInt(m.group(1));
            assertEquals(occurrences(plain.out(), "[" + m.group(2) + " " + m.group(3) + "]"), count, m.group());
            assertTrue(count <= previous, "most frequent first: " + stats);
            previous = count;
            rules++;
            total += count;
        }
        assertTrue(rules > 1, stats);
        assertEquals(occurrences(plain.out(), "error[") + occurrences(plain.out(), "warning[")
                + occurrences(plain.out(), "info["), total, stats);
    }

    @Test
    void aMachineReportOnStdoutKeepsItAndTheCountsGoToStderr() {
        Run json = Fixtures.run("--format", "json", "--statistics", PIPELINE);
        assertTrue(json.out().strip().endsWith("}"), json.out());
        assertTrue(LINE.matcher(json.err()).find(), json.err());
    }
}
