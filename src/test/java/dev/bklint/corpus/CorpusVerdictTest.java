package dev.bklint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real files other people wrote (fixtures/corpus) against the verdict a person gave each error and warning bklint
 * prints on them (fixtures/corpus/verdicts.tsv). A new finding nobody has judged, a finding judged false, or a verdict
 * whose finding has gone all fail: precision on real files is measured, not assumed. Rows for ../shared/corpus
 * ({@code shared/...}) are checked only by tools/corpus-check, since a clean clone does not have that folder.
 */
class CorpusVerdictTest {
    private static final Path CORPUS = Fixtures.CORPUS;
    private static final Set<String> VERDICTS = Set.of("true", "false", "debatable");

    /** What identifies a finding for a verdict: one row judges every finding of that rule on that line. */
    record Key(String file, int line, String rule) {
        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    record Verdict(String verdict, String reason) {
    }

    private static Map<Key, Verdict> verdicts;
    private static Map<Key, String> findings;

    @BeforeAll
    static void lintCorpus() throws IOException {
        verdicts = readVerdicts(CORPUS.resolve("verdicts.tsv"));
        findings = lint(corpusFiles());
    }

    @Test
    void everyErrorAndWarningHasAVerdictThatIsNotFalse() {
        List<String> problems = new ArrayList<>();
        findings.forEach((key, message) -> {
            Verdict v = verdicts.get(key);
            if (v == null) {
                problems.add("UNJUDGED " + key + ": " + message);
            } else if (v.verdict().equals("false")) {
                problems.add("judged false " + key + " (" + v.reason() + "): " + message);
            }
        });
        assertTrue(problems.isEmpty(), "judge each in fixtures/corpus/verdicts.tsv (or fix the rule):\n"
                + String.join("\n", problems));
    }

    @Test
    void everyVerdictOnTheCorpusStillMatchesAFinding() {
        List<String> gone = verdicts.keySet().stream().filter(k -> !k.file().startsWith("shared/"))
                .filter(k -> !findings.containsKey(k)).map(Key::toString).toList();
        assertTrue(gone.isEmpty(), "verdict rows with no finding any more (remove or re-judge them):\n"
                + String.join("\n", gone));
    }

    @Test
    void everySourceFolderHasItsLicenceAndARowInSources() throws IOException {
        String sources = Files.readString(CORPUS.resolve("SOURCES.md"));
        List<String> problems = new ArrayList<>();
        try (Stream<Path> folders = Files.list(CORPUS)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                if (!sources.contains("| " + name + "/ |")) {
                    problems.add(name + ": no row in SOURCES.md");
                }
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.noneMatch(f -> f.getFileName().toString().toLowerCase().startsWith("licen"))) {
                        problems.add(name + ": no licence file");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList();
            assertFalse(files.isEmpty(), "no YAML under " + CORPUS);
            return files;
        }
    }

    /** The errors and warnings of one CLI run over all files, as tools/corpus-check runs it (no config file). */
    private static Map<Key, String> lint(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("--no-config", "--format=json", "--fail-on=never"));
        files.forEach(f -> args.add(f.toString().replace('\\', '/')));
        Fixtures.Run run = Fixtures.run(args.toArray(new String[0]));
        assertEquals(0, run.exit(), run.err());
        String prefix = CORPUS.toString().replace('\\', '/') + "/";
        Map<Key, String> found = new LinkedHashMap<>();
        JSONArray all = new JSONObject(run.out()).getJSONArray("findings");
        for (int i = 0; i < all.length(); i++) {
            JSONObject f = all.getJSONObject(i);
            String severity = f.getString("severity");
            if (severity.equals("error") || severity.equals("warning")) {
                String path = f.getString("path");
                Key key = new Key(path.startsWith(prefix) ? path.substring(prefix.length()) : path,
                        f.optInt("line"), f.getString("rule"));
                found.merge(key, f.getString("message"), (a, b) -> a + "\n    " + b);
            }
        }
        return found;
    }

    /** verdicts.tsv: file, line, rule, verdict, reason; the header row and # comments are skipped. */
    static Map<Key, Verdict> readVerdicts(Path tsv) throws IOException {
        Map<Key, Verdict> rows = new LinkedHashMap<>();
        Set<String> problems = new TreeSet<>();
        List<String> lines = Files.readAllLines(tsv);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 5 || !cells[1].matches("\\d+") || !VERDICTS.contains(cells[3])
                    || cells[4].isBlank()) {
                problems.add("line " + (n + 1) + ": want file, line, rule, true|false|debatable, reason: " + line);
                continue;
            }
            Key key = new Key(cells[0], Integer.parseInt(cells[1]), cells[2]);
            if (rows.put(key, new Verdict(cells[3], cells[4].strip())) != null) {
                problems.add("line " + (n + 1) + ": a second row for " + key);
            }
        }
        assertTrue(problems.isEmpty(), "verdicts.tsv:\n" + String.join("\n", problems));
        return rows;
    }
}
