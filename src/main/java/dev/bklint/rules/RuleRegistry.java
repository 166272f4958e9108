package dev.bklint.rules;

import dev.bklint.report.Severity;
import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every rule bklint has: the metadata files under {@code rules/} (shipped in the jar) and, for each, the class
 * named by {@link RuleMeta#className()}. Adding a rule is adding its metadata file and its class.
 */
public final class RuleRegistry {
    private static final String FOLDER = "rules/";

    private final List<LoadedRule> rules;

    public record LoadedRule(RuleMeta meta, Rule rule) {
    }

    private RuleRegistry(List<LoadedRule> rules) {
        this.rules = rules;
    }

    public static RuleRegistry load() {
        Map<String, String> texts = metadataTexts();
        List<LoadedRule> rules = new ArrayList<>();
        for (int i = 0; i < RuleIndex.HEADERS.length; i++) {
            String resource = RuleIndex.HEADERS[i][0];
            rules.add(new LoadedRule(parseMeta(resource, texts.get(resource)), RuleIndex.create(i)));
        }
        return sorted(rules);
    }

    /**
     * The rules with only what linting needs from their metadata (id, name, severity, family, summary), as the
     * build wrote them into {@link RuleIndex}: reading the metadata files at start-up costs more than the lint
     * itself. Rationale, fix and references are left empty; {@link #load()} has them.
     */
    public static RuleRegistry loadForLinting() {
        return ForLinting.REGISTRY;
    }

    /** Built once per process (rules keep no state); a start-up thread may build it while the CLI is set up. */
    private static final class ForLinting {
        static final RuleRegistry REGISTRY = readIndex();
    }

    private static RuleRegistry readIndex() {
        List<LoadedRule> rules = new ArrayList<>();
        for (int i = 0; i < RuleIndex.HEADERS.length; i++) {
            String[] h = RuleIndex.HEADERS[i];
            RuleMeta meta = h.length == 1 ? parseMeta(h[0], resourceText(h[0]))
                    : new RuleMeta(h[1], h[2], Severity.parse(h[3]), h[4], h[5], h[6], "", "", List.of());
            rules.add(new LoadedRule(meta, RuleIndex.create(i)));
        }
        return sorted(rules);
    }

    private static RuleRegistry sorted(List<LoadedRule> rules) {
        rules.sort(Comparator.comparing(r -> r.meta().id()));
        return new RuleRegistry(List.copyOf(rules));
    }

    public List<LoadedRule> rules() {
        return rules;
    }

    public List<RuleMeta> metas() {
        return rules.stream().map(LoadedRule::meta).toList();
    }

    /** The rule with this id or name (case-insensitive), or null. */
    public RuleMeta find(String idOrName) {
        for (LoadedRule r : rules) {
            if (r.meta().id().equalsIgnoreCase(idOrName) || r.meta().name().equalsIgnoreCase(idOrName)) {
                return r.meta();
            }
        }
        return null;
    }

    public static RuleMeta parseMeta(String name, String text) {
        YMap map;
        try {
            List<YamlDocument> docs = YamlLoader.load(new SourceFile(name, text));
            map = docs.isEmpty() || docs.get(0).root() == null ? null : docs.get(0).root().asMap();
        } catch (YamlSyntaxError e) {
            throw new IllegalStateException(name + ": " + e.getMessage());
        }
        if (map == null) {
            throw new IllegalStateException(name + ": rule metadata must be a mapping");
        }
        List<String> refs = new ArrayList<>();
        YSeq seq = map.getSeq("references");
        if (seq != null) {
            for (YNode n : seq.items()) {
                if (n.asScalar() != null) {
                    refs.add(n.asScalar().value());
                }
            }
        }
        return new RuleMeta(required(map, name, "id"), required(map, name, "name"),
                Severity.parse(required(map, name, "severity")), map.string("severity_note"),
                required(map, name, "family"), required(map, name, "summary"), required(map, name, "rationale").strip(),
                required(map, name, "fix").strip(), List.copyOf(refs));
    }

    private static String required(YMap map, String name, String key) {
        String v = map.string(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + ": rule metadata lacks `" + key + "`");
        }
        return v;
    }

    private static String resourceText(String resource) {
        try (InputStream in = RuleRegistry.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /**
     * The text of each {@code rules/*.yaml} in the jar or class folder this class was loaded from, by name. The jar
     * is read once directly: a class-loader resource lookup per file costs more at start-up than the whole lint.
     */
    private static Map<String, String> metadataTexts() {
        Map<String, String> texts = new java.util.TreeMap<>();
        try {
            Path location = Path.of(RuleRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(FOLDER))) {
                    for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                        texts.put(FOLDER + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(location.toFile())) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        String n = e.getName();
                        if (n.startsWith(FOLDER) && n.endsWith(".yaml") && n.indexOf('/', FOLDER.length()) < 0) {
                            try (InputStream in = zip.getInputStream(e)) {
                                texts.put(n, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the rule metadata", e);
        }
        return texts;
    }
}
