package dev.bklint.fuzz;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * Runs the real command line on one input with every output format at once, and checks what a hostile input must
 * never get: an internal error, output that grows faster than the input, a raw control character in a text
 * format, a forged workflow command, or a machine format its consumer cannot parse.
 */
final class EveryFormat {
    static final List<String> FORMATS = List.of("json", "sarif", "github", "gnu", "checkstyle", "junit",
            "buildkite");
    /**
     * Output allowed per input byte and per file, in all formats together. Measured on the fixtures, a finding
     * costs at most a few KB in all formats together, and bklint caps the findings it reports per file; the
     * bound is generous so that it only fails on amplification (output that grows with input size squared, or
     * with aliases expanded).
     */
    static final long BYTES_PER_INPUT_BYTE = 400;
    static final long BYTES_PER_FILE = 16L * 1024 * 1024;

    private EveryFormat() {
    }

    /** The outputs of one run by format ("text" is standard output), after checking each of them. */
    static Map<String, String> check(String yaml, Path dir) {
        try {
            Path input = dir.resolve("input.yml");
            Files.writeString(input, yaml, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("--no-config", "--color=never", "--fail-on", "error",
                    "--project-dir", dir.toString(), "-f", "text"));
            for (String format : FORMATS) {
                args.addAll(List.of("-f", format, "-o", dir.resolve("out." + format).toString()));
            }
            args.add(input.toString());
            Run run = Fixtures.run(args.toArray(new String[0]));
            if (run.exit() < 0 || run.exit() > 2 || run.err().contains("internal error")) {
                throw new AssertionError("exit " + run.exit() + ": " + run.err());
            }
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("text", run.out());
            for (String format : FORMATS) {
                Path file = dir.resolve("out." + format);
                outputs.put(format, Files.exists(file) ? Files.readString(file) : "");
                Files.deleteIfExists(file);
            }
            long total = 0;
            for (String text : outputs.values()) {
                total += text.length();
            }
            long allowed = BYTES_PER_FILE + BYTES_PER_INPUT_BYTE * yaml.length();
            if (total > allowed) {
                throw new AssertionError("output of " + total + " characters for an input of " + yaml.length());
            }
            for (String format : List.of("text", "gnu", "github", "buildkite")) {
                rawControl(format, outputs.get(format));
            }
            for (String format : List.of("json", "sarif")) {
                String text = outputs.get(format);
                if (!text.isEmpty()) {
                    new JSONObject(text); // throws on anything a JSON consumer would reject
                }
            }
            return outputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only newlines (and tabs) may be raw in a text format, and a line of text output must not be read by GitHub
     * as a workflow command (in {@code github} output, every line is one of bklint's annotations).
     */
    private static void rawControl(String format, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control) {
                throw new AssertionError(format + " output has a raw U+" + String.format("%04X", (int) c)
                        + " near: " + text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40)));
            }
        }
        for (String line : text.split("\n", -1)) {
            boolean command = line.startsWith("::");
            boolean ours = line.isEmpty() || line.matches("::(error|warning|notice) file=[^:]*::.*");
            if (format.equals("github") ? !ours : command) {
                throw new AssertionError(format + " output has a line that GitHub reads as a workflow command "
                        + "bklint did not mean: " + line);
            }
        }
    }
}
