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
    private final Set<String> known;

    private Baseline(Set<String> known) {
        this.known = known;
    }

    /** The baseline named by {@code --baseline}: a regular file within the input size limit, wherever it is. */
    public static Baseline read(Path file) {
        SourceFile source;
        String name = file.toString();
        try {
            source = SourceReader.read(file, name);
        } catch (InputError e) {
            String reason = e.getMessage().substring(name.length() + 2); // the message starts with "name: "
            throw new IllegalArgumentException("--baseline: cannot read " + name + " (" + reason + ")");
        }
        Set<String> known = new HashSet<>();
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
                    known.add(key(m.string("path"), m.string("fingerprint")));
                }
            }
        } catch (YamlSyntaxError e) {
            throw new IllegalArgumentException("--baseline: " + file + ":" + e.span().line() + ":" + e.span().column()
                    + ": " + e.getMessage());
        }
        return new Baseline(known);
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

    /** The findings that the baseline does not know. */
    public List<Finding> newFindings(List<Finding> findings, Map<String, SourceFile> sources) {
        List<String> prints = Fingerprints.of(findings, sources);
        List<Finding> fresh = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (!known.contains(key(findings.get(i).path(), prints.get(i)))) {
                fresh.add(findings.get(i));
            }
        }
        return fresh;
    }

    private static String key(String path, String fingerprint) {
        return path.replace('\\', '/') + "\u0000" + fingerprint;
    }
}
