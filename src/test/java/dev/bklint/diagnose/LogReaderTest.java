package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogReaderTest {
    private static List<LogLine> lines(byte[] bytes, List<String> warnings) throws IOException {
        List<LogLine> lines = new ArrayList<>();
        warnings.addAll(LogReader.read(new ByteArrayInputStream(bytes), "job.log", lines::add).warnings());
        return lines;
    }

    private static List<LogLine> lines(String text) throws IOException {
        return lines(text.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
    }

    @Test
    void buildkiteTimestampsAreStripped() {
        assertEquals("~~~ Running commands", LogReader.normalise("\u001B_bk;t=1717315533123\u0007~~~ Running commands"));
    }

    @Test
    void agentTimestampLinesPrefixesAreStripped() {
        assertEquals("#4 ERROR: exit code: 1", LogReader.normalise("[2026-03-04T09:12:41Z] #4 ERROR: exit code: 1"));
        assertEquals("[2026-03-04T09:12:41.123Z] x",
                LogReader.normalise("\u001B_bk;t=1772615561000\u0007[2026-03-04T09:12:41.123Z] [2026-03-04T09:12:41.123Z] x"),
                "one prefix is the agent's; a second is the tool's own text");
        assertEquals("[rootlesskit:parent] error: x", LogReader.normalise("[rootlesskit:parent] error: x"));
    }

    @Test
    void ansiColoursAndEraseSequencesAreStripped() {
        assertEquals("error: failed to solve",
                LogReader.normalise("\u001B[31;1merror:\u001B[0m failed to solve\u001B[K"));
    }

    @Test
    void carriageReturnProgressKeepsTheTextAfterTheLastCarriageReturn() {
        assertEquals("#5 DONE 1.2s", LogReader.normalise("#5 10%\r#5 55%\r#5 DONE 1.2s"));
    }

    @Test
    void kubectlTimestampPrefixesAreStripped() {
        assertEquals("level=info msg=x", LogReader.normalise("2026-06-02T08:15:33.123456789Z level=info msg=x"));
        assertEquals("a", LogReader.normalise("2026-06-02T08:15:33+02:00 a"));
        assertEquals("2026-06-02 is a date", LogReader.normalise("2026-06-02 is a date"));
    }

    @Test
    void crlfEndsAndLineNumbersAreKept() throws IOException {
        List<LogLine> read = lines("one\r\n\u001B_bk;t=1\u0007two\r\n\r\nfour");
        assertEquals(List.of("one", "two", "", "four"), read.stream().map(LogLine::text).toList());
        assertEquals(List.of(1, 2, 3, 4), read.stream().map(LogLine::number).toList());
        assertEquals("job.log", read.get(0).path());
    }

    @Test
    void aOneMegabyteLineIsCutNotDropped() throws IOException {
        List<String> warnings = new ArrayList<>();
        byte[] text = ("x".repeat(1024 * 1024) + "\nnext\n").getBytes(StandardCharsets.UTF_8);
        List<LogLine> read = lines(text, warnings);
        assertEquals(2, read.size());
        assertEquals(LogReader.LINE_CAP, read.get(0).text().length());
        assertEquals(new LogLine("job.log", 2, "next"), read.get(1));
        assertTrue(warnings.get(0).contains("were cut"), warnings.toString());
    }

    @Test
    void emptyBinaryAndNotUtf8InputsAreNamedAndStillRead() throws IOException {
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of(), lines(new byte[0], warnings));
        assertEquals(List.of("job.log: the log is empty"), warnings);
        warnings.clear();
        List<LogLine> read = lines(new byte[] {'a', (byte) 0xFF, 'b', 0, '\n'}, warnings);
        assertEquals("a\uFFFDb\u0000", read.get(0).text());
        assertEquals(List.of("job.log: looks binary (it holds NUL bytes); read as text",
                "job.log: not valid UTF-8; invalid bytes are shown as U+FFFD"), warnings);
    }
}
