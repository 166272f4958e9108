package dev.bklint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** --format and --output on the real command line: every format, several reports in one run, write failures. */
class FormatOptionsTest {
    private static final String FIRES = "fixtures/rules/BK101/fires.yml";
    private static final String CLEAN = "fixtures/non-buildkit/kaniko.yml";
    private static final List<String> FORMATS =
            List.of("text", "json", "sarif", "github", "gnu", "checkstyle", "junit", "buildkite");

    /** The findings of a fixture as the JSON format gives them. */
    private static List<JSONObject> findings(String fixture) {
        JSONArray all = new JSONObject(Fixtures.run("--format=json", fixture).out()).getJSONArray("findings");
        List<JSONObject> out = new ArrayList<>();
        for (int i = 0; i < all.length(); i++) {
            out.add(all.getJSONObject(i));
        }
        return out;
    }

    @Test
    void conciseTextIsOneLinePerFindingThenTheSummaryAndTheFixableCount() {
        String file = "fixtures/guide/rootless.yml";
        Run full = Fixtures.run("--no-config", "--color=never", file);
        Run concise = Fixtures.run("--no-config", "--color=never", "--concise", file);
        assertEquals(full.exit(), concise.exit());
        List<String> headlines = new ArrayList<>();
        for (String line : full.out().split("\n")) {
            if (line.startsWith(file + ":")) {
                headlines.add(line);
            }
        }
        String[] lines = full.out().split("\n");
        headlines.add(lines[lines.length - 2]); // the summary
        headlines.add(lines[lines.length - 1]); // how many findings --fix would repair
        assertEquals(5 + 2, headlines.size(), full.out());
        assertTrue(lines[lines.length - 1].startsWith("[*] 3 fixable"), full.out());
        assertEquals(String.join("\n", headlines) + "\n", concise.out());
    }

    @Test
    void gnuOnAFixtureIsOneExactLinePerFinding() {
        StringBuilder expected = new StringBuilder();
        for (JSONObject f : findings(FIRES)) {
            expected.append(FIRES).append(':').append(f.getInt("line")).append(':').append(f.getInt("column"))
                    .append(": ").append(f.getString("severity")).append(": ")
                    .append(f.getString("message")).append(" [").append(f.getString("rule"))
                    .append("]\n");
        }
        Run run = Fixtures.run("--format", "gnu", FIRES);
        assertEquals(1, run.exit());
        assertEquals(expected.toString(), run.out());
        assertTrue(run.out().contains(FIRES + ":35:31: error: Container `builder` runs the rootful image"), run.out());
    }

    @Test
    void githubOnAFixtureIsOneExactCommandPerFinding() {
        StringBuilder expected = new StringBuilder();
        for (JSONObject f : findings(FIRES)) {
            String command = switch (f.getString("severity")) {
                case "error" -> "error";
                case "warning" -> "warning";
                default -> "notice";
            };
            expected.append("::").append(command).append(" file=").append(FIRES).append(",line=")
                    .append(f.getInt("line"));
            if (f.getInt("line") == f.getInt("endLine")) {
                expected.append(",col=").append(f.getInt("column")).append(",endLine=").append(f.getInt("endLine"))
                        .append(",endColumn=").append(Math.max(f.getInt("column"), f.getInt("endColumn") - 1));
            } else {
                expected.append(",endLine=").append(f.getInt("endLine"));
            }
            expected.append(",title=").append(f.getString("rule")).append(' ').append(f.getString("name"))
                    .append("::").append(text(f).replace("%", "%25").replace("\n", "%0A"))
                    .append('\n');
        }
        Run run = Fixtures.run("--format=github", FIRES);
        assertEquals(1, run.exit());
        assertEquals(expected.toString(), run.out());
        assertTrue(run.out().contains("::error file=" + FIRES + ",line=35,col=31,endLine=35,endColumn=35,"
                + "title=BK101 root-image-not-privileged::Container `builder`"), run.out());
    }

    @Test
    void aCleanPipelineInEveryFormat() throws Exception {
        for (String format : List.of("gnu", "github", "buildkite")) {
            Run run = Fixtures.run("--format", format, CLEAN);
            assertEquals(0, run.exit(), format);
            assertEquals("", run.out(), format + " prints nothing when there is nothing to say");
        }
        Document checkstyle = xml(Fixtures.run("-f", "checkstyle", CLEAN).out());
        assertEquals(1, checkstyle.getElementsByTagName("file").getLength());
        assertEquals(CLEAN, ((Element) checkstyle.getElementsByTagName("file").item(0)).getAttribute("name"));
        assertEquals(0, checkstyle.getElementsByTagName("error").getLength());
        Document junit = xml(Fixtures.run("-f", "junit", CLEAN).out());
        assertEquals(1, junit.getElementsByTagName("testcase").getLength());
        assertEquals(0, junit.getElementsByTagName("failure").getLength());
        assertEquals("0", junit.getDocumentElement().getAttribute("failures"));
        JSONObject sarif = new JSONObject(Fixtures.run("-f", "sarif", CLEAN).out());
        assertEquals(0, sarif.getJSONArray("runs").getJSONObject(0).getJSONArray("results").length());
    }

    @Test
    void aFixtureWithFindingsInTheXmlFormats() throws Exception {
        int count = findings(FIRES).size();
        Document checkstyle = xml(Fixtures.run("-f", "checkstyle", FIRES).out());
        assertEquals(count, checkstyle.getElementsByTagName("error").getLength());
        Element bk101 = null;
        for (int i = 0; i < count; i++) {
            Element e = (Element) checkstyle.getElementsByTagName("error").item(i);
            if (e.getAttribute("source").equals("bklint.BK101")) {
                bk101 = e;
            }
        }
        assertEquals("35", bk101.getAttribute("line"));
        assertEquals("31", bk101.getAttribute("column"));
        assertEquals("error", bk101.getAttribute("severity"));
        Document junit = xml(Fixtures.run("-f", "junit", FIRES).out());
        assertEquals(count, junit.getElementsByTagName("testcase").getLength());
        assertEquals(1, junit.getElementsByTagName("failure").getLength(), "the BK101 error fails");
        assertEquals(count - 1, junit.getElementsByTagName("skipped").getLength(), "the info findings do not");
        Document strict = xml(Fixtures.run("--fail-on=info", "-f", "junit", FIRES).out());
        assertEquals(count, strict.getElementsByTagName("failure").getLength(), "--fail-on info fails on every one");
        assertEquals(0, strict.getElementsByTagName("skipped").getLength());
    }

    @Test
    void oneRunWritesEveryReport(@TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>(List.of("--color=never", "--format", "text"));
        Map<String, Path> files = new LinkedHashMap<>();
        for (String format : FORMATS.subList(1, FORMATS.size())) {
            Path file = dir.resolve("reports").resolve("bklint." + format);
            files.put(format, file);
            args.addAll(List.of("--format", format, "--output", file.toString()));
        }
        Path textFile = dir.resolve("bklint.txt");
        args.addAll(List.of("-f", "text", "-o", textFile.toString(), FIRES));
        Run run = Fixtures.run(args.toArray(new String[0]));
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.err());
        assertEquals(Fixtures.run("--color=never", FIRES).out(), run.out(), "text still goes to standard output");
        assertEquals(run.out(), Files.readString(textFile));
        for (Map.Entry<String, Path> e : files.entrySet()) {
            assertEquals(Fixtures.run("--format", e.getKey(), FIRES).out(), Files.readString(e.getValue()),
                    e.getKey() + " written to a file is what it prints");
        }
        assertEquals(FORMATS.size(), listAll(dir).size(), "no temporary file is left behind");
    }

    @Test
    void aReportFileNeverHasColour(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        Run run = Fixtures.run("--color=always", "--format=text", "--output=" + file, FIRES);
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertFalse(Files.readString(file).contains("\u001b["));
        assertEquals(Fixtures.run("--color=never", FIRES).out(), Files.readString(file));
    }

    @Test
    void anUnwritableDirectoryIsExitTwoWithOneLineAndNoPartialFile(@TempDir Path dir) throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path where = locked;
            if (canCreateIn(locked)) { // root ignores permissions; /sys refuses new files even to root
                where = Path.of("/sys");
                Assumptions.assumeTrue(Files.isDirectory(where) && !canCreateIn(where),
                        "no directory here that this user cannot write to");
            }
            Path target = where.resolve("bklint.sarif");
            Run run = Fixtures.run("--format", "text", "--format", "sarif", "--output", target.toString(), FIRES);
            assertEquals(2, run.exit());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("bklint: cannot write " + target + ": cannot create files in " + where),
                    run.err());
            assertFalse(Files.exists(target));
            try (Stream<Path> left = Files.list(where)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".bklint.sarif")),
                        "no temporary file is left behind");
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileInThePlaceOfTheDirectoryIsExitTwoAndLeavesNothing(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("reports"), "not a folder");
        Path target = blocker.resolve("junit.xml");
        Run run = Fixtures.run("--format", "junit", "--output", target.toString(), FIRES);
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("bklint: cannot write " + target + ": cannot create directory "), run.err());
        assertEquals(List.of(blocker), listAll(dir));
    }

    @Test
    void mismatchedOptionsAreOneLineUsageErrors() {
        for (String[] args : List.of(
                new String[] {"--output", "x.sarif", "--format", "sarif", FIRES},
                new String[] {"--format", "sarif", "--output", "a.sarif", "--output", "b.sarif", FIRES},
                new String[] {"--format", "text", "--format", "json", FIRES},
                new String[] {"--format", "yaml", FIRES})) {
            Run run = Fixtures.run(args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("bklint: "), run.err());
            assertEquals("", run.out());
        }
        assertEquals("bklint: unknown --format 'yaml' (one of text, json, sarif, github, gnu, checkstyle, junit, "
                + "buildkite)\n", Fixtures.run("--format", "yaml", FIRES).err());
    }

    @Test
    void aReportCannotOverwriteThePipeline(@TempDir Path dir) throws IOException {
        Path pipeline = Files.copy(Path.of(FIRES), dir.resolve("pipeline.yml"));
        Run run = Fixtures.run("--format", "sarif", "--output", pipeline.toString(), pipeline.toString());
        assertEquals(2, run.exit());
        assertEquals("bklint: --output " + pipeline + " is an input pipeline; refusing to overwrite it\n", run.err());
        assertEquals(Files.readString(Path.of(FIRES)), Files.readString(pipeline));
    }

    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createFile(dir.resolve(".bklint-probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> listAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** The one text of a finding in single-message formats: the headline, then the why (as Finding.text()). */
    private static String text(JSONObject f) {
        String message = f.getString("message");
        String why = f.optString("why", "");
        return why.isEmpty() ? message : message + (message.endsWith(".") ? " " : ". ") + why;
    }
}
