package dev.bklint.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Reads a job log as a stream of normalised lines, holding at most one line in memory: a job log can be far larger
 * than anything worth keeping, and only single lines are matched.
 *
 * <p>Normalising undoes what the Buildkite agent, the terminal and kubectl add around the text a tool printed:
 * Buildkite's {@code ESC _bk;t=<ms> BEL} timestamps, ANSI escape sequences, CRLF line ends, carriage-return
 * progress redraws (only the text after the last CR was left on screen) and {@code kubectl logs --timestamps}
 * RFC 3339 prefixes, and the agent's {@code --timestamp-lines} {@code [2026-...Z] } prefixes. A line keeps the 1-based number it has in its input, so a report points at the right line.
 */
public final class LogReader {
    /** Characters kept of one line; the rest is cut (a line is never dropped: its start is what tools print). */
    public static final int LINE_CAP = 8 * 1024;

    /** Application-program commands (Buildkite timestamps) and OSC strings, ended by BEL or ST. */
    private static final Pattern STRING_ESCAPE = Pattern.compile("\u001B[_\\]P^X][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?");
    /** Control sequences (colours, cursor moves, erase) and the short two-character escapes. */
    private static final Pattern CSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_`-~]?");
    private static final Pattern KUBECTL_TIMESTAMP =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2}) ");
    /** The agent's {@code --timestamp-lines} prefix (v3 agents only; removed in v4.0.0-beta.12, research §8.11). */
    private static final Pattern AGENT_TIMESTAMP =
            Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z\\] ");

    private LogReader() {
    }

    /** What was noticed about one input while reading it: one line each, for the reader of the report. */
    public record Notes(int lines, List<String> warnings) {
    }

    /** Reads {@code in} (UTF-8; invalid bytes become U+FFFD) and hands each normalised line to {@code sink}. */
    public static Notes read(InputStream in, String path, Consumer<LogLine> sink) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[65536];
        // The line being read, at most LINE_CAP characters: a plain array, since StringBuilder's checks per append
        // cost more than the rest of the loop.
        char[] line = new char[LINE_CAP];
        // Nearly every line of a Buildkite job log starts with the agent's ESC _bk;t=<ms> BEL timestamp. Cutting it
        // here, as STRING_ESCAPE would (it is that pattern's first match in the line), leaves most lines without an
        // ESC, and normalise then runs no regex on them: the replaceAll calls were most of the reading time.
        IntFunction<String> visible = len -> {
            int from = 0;
            if (len >= 2 && line[0] == '\u001B' && "_]P^X".indexOf(line[1]) >= 0) {
                int j = 2;
                while (j < len && line[j] != '\u0007' && line[j] != '\u001B') {
                    j++;
                }
                if (j < len && line[j] == '\u0007') {
                    from = j + 1;
                } else if (j + 1 < len && line[j] == '\u001B' && line[j + 1] == '\\') {
                    from = j + 2;
                } else {
                    from = j;
                }
            }
            return normalise(new String(line, from, len - from));
        };
        int length = 0;
        int number = 0;
        boolean nul = false;
        boolean replaced = false;
        boolean cut = false;
        boolean pending = false;
        int n;
        while ((n = reader.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    sink.accept(new LogLine(path, ++number, visible.apply(length)));
                    length = 0;
                    pending = false;
                    continue;
                }
                pending = true;
                if (c < ' ' || c >= '\uFFFD') {
                    nul |= c == 0;
                    replaced |= c == '\uFFFD';
                }
                if (length < LINE_CAP) {
                    line[length++] = c;
                } else {
                    cut = true;
                }
            }
        }
        if (pending) {
            sink.accept(new LogLine(path, ++number, visible.apply(length)));
        }
        List<String> warnings = new ArrayList<>();
        if (number == 0) {
            warnings.add(path + ": the log is empty");
        }
        if (nul) {
            warnings.add(path + ": looks binary (it holds NUL bytes); read as text");
        }
        if (replaced) {
            warnings.add(path + ": not valid UTF-8; invalid bytes are shown as U+FFFD");
        }
        if (cut) {
            warnings.add(path + ": lines longer than " + LINE_CAP + " characters were cut");
        }
        return new Notes(number, List.copyOf(warnings));
    }

    /** One raw line (without its LF) as it was left on screen, without timestamps and escape sequences. */
    public static String normalise(String raw) {
        String s = raw;
        if (s.indexOf('\u001B') >= 0) {
            s = STRING_ESCAPE.matcher(s).replaceAll("");
            s = CSI.matcher(s).replaceAll("");
        }
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1); // CRLF
        }
        int cr = s.lastIndexOf('\r');
        if (cr >= 0) {
            s = s.substring(cr + 1); // a progress redraw: the last text written over the line is what stayed
        }
        if (s.startsWith("[") && s.length() > 1 && Character.isDigit(s.charAt(1))) {
            s = AGENT_TIMESTAMP.matcher(s).replaceFirst("");
        }
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            s = KUBECTL_TIMESTAMP.matcher(s).replaceFirst("");
        }
        return s;
    }
}
