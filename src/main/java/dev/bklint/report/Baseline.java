package dev.bklint.report;

import dev.bklint.finding.Finding;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Today's findings recorded by fingerprint ({@code --write-baseline}), so that a team adopting bklint fails only on
 * new ones ({@code --baseline}). Fingerprints leave line numbers out, so moving a finding keeps it baselined.
 */
public final class Baseline {
    /** One recorded finding; rule and line are kept only to name the entry when it goes stale. */
    public record Entry(String path, String rule, String fingerprint, long line) {
        String key() {
            return Baseline.key(path, fingerprint);
        }

        /** {@code path:line: RULE}, control characters escaped: the entry as a stale-entry note names it. */
        public String describe() {
            return SafeText.visible(path + (line > 0 ? ":" + line : "") + (rule != null ? ": " + rule : ""));
        }
    }

    /**
     * What applying the baseline did: the findings it lets through, how many it hid, and its entries for files
     * linted in this run that no finding matches any more (fixed or changed since), which can be removed.
     */
    public record Applied(List<Finding> fresh, int hidden, List<Entry> stale) {
    }

    private final List<Entry> entries;
    private final Set<String> known;

    private Baseline(List<Entry> entries) {
        this.entries = entries;
        this.known = new HashSet<>();
        for (Entry e : entries) {
            known.add(e.key());
        }
    }

    /** The baseline named by {@code --baseline}: a regular file within the input size limit, wherever it is. */
    public static Baseline read(Path file) {
        SourceFile source;
        String name = file.toString();
        try {
            source = SourceReader.read(file, name);
        } catch (InputError e) {
            // The reader's message already starts with the path ("name: no such file"): named once, not twice.
            throw new IllegalArgumentException("--baseline: " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        try {
            List<YamlDocument> docs = YamlLoader.load(source);
            YMap root = docs.isEmpty() || docs.get(0).root() == null ? null : docs.get(0).root().asMap();
            YSeq findings = root == null ? null : root.getSeq("findings");
            if (findings == null) {
                throw new IllegalArgumentException("--baseline: " + file + " is not a bklint baseline (no findings list)");
            }
            for (YNode n : findings.items()) {
                YMap m = n.asMap();
                if (m != null && m.string("path") != null && m.string("fingerprint") != null) {
                    entries.add(new Entry(m.string("path"), m.string("rule"), m.string("fingerprint"), line(m)));
                }
            }
        } catch (YamlSyntaxError e) {
            throw new IllegalArgumentException("--baseline: " + file + ":" + e.span().line() + ":" + e.span().column()
                    + ": " + e.getMessage());
        }
        return new Baseline(entries);
    }

    /** The entry's line, or 0 when the baseline (edited by hand) has none or not a number. */
    private static long line(YMap m) {
        try {
            String line = m.string("line");
            return line == null ? 0 : Long.parseLong(line);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The baseline file's text for these findings. */
    public static String write(List<Finding> findings, Map<String, SourceFile> sources) {
        List<String> prints = Fingerprints.of(findings, sources);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("rule", f.rule());
            m.put("fingerprint", prints.get(i));
            m.put("line", f.span().line());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "bklint");
        root.put("fingerprint", Fingerprints.KEY);
        root.put("findings", list);
        return Json.write(root) + "\n";
    }

    /** The baseline applied to this run's findings; only entries for files in {@code sources} can be stale. */
    public Applied apply(List<Finding> findings, Map<String, SourceFile> sources) {
        List<String> prints = Fingerprints.of(findings, sources);
        List<Finding> fresh = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            String key = key(findings.get(i).path(), prints.get(i));
            if (known.contains(key)) {
                matched.add(key);
            } else {
                fresh.add(findings.get(i));
            }
        }
        Set<String> linted = new HashSet<>();
        for (String path : sources.keySet()) {
            linted.add(path.replace('\\', '/'));
        }
        List<Entry> stale = new ArrayList<>();
        for (Entry e : entries) {
            if (linted.contains(e.path().replace('\\', '/')) && !matched.contains(e.key())) {
                stale.add(e);
            }
        }
        return new Applied(fresh, findings.size() - fresh.size(), stale);
    }

    private static String key(String path, String fingerprint) {
        return path.replace('\\', '/') + "\u0000" + fingerprint;
    }
}
