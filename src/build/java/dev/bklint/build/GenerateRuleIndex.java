package dev.bklint.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Build step (run by Maven before compiling, as a single-file program on the project's class path): reads every
 * rules/*.yaml with snakeyaml-engine, checks every field and that each file has its class and each rule class its
 * file, and writes the only reader of rule metadata there is:
 * <ul>
 *   <li>dev.bklint.rules.RuleIndex: per rule the short fields the lint path needs (id, name, severity, severity
 *   note, family, summary, tags, fix applicability) and a direct constructor call, so linting neither reads YAML nor reflects;</li>
 *   <li>dev.bklint.finding.RuleTexts: rationale, fix and references, loaded only by explain, rules, docs and SARIF.</li>
 * </ul>
 * A mistake in the metadata fails the build with one line naming the file and what it expects.
 * Usage: java -cp CLASSPATH GenerateRuleIndex.java RULES_DIR MAIN_SOURCE_DIR OUTPUT_SOURCE_DIR. The tests compile it
 * too (RuleMetadataTest), to check its answers to broken metadata.
 */
public final class GenerateRuleIndex {
    private static final List<String> REQUIRED = List.of("id", "name", "severity", "family", "summary", "rationale",
            "fix", "references");
    private static final Set<String> OPTIONAL = Set.of("severity_note", "tags", "fix_applicability");
    private static final Set<String> APPLICABILITIES = Set.of("safe", "unsafe");
    private static final Set<String> SEVERITIES = Set.of("error", "warning", "info");
    private static final Set<String> TAGS = Set.of("security", "run");
    private static final Pattern ID = Pattern.compile("BK\\d{3}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern RULE_CLASS = Pattern.compile("\\bimplements\\s+(?:[\\w.]+\\s*,\\s*)*Rule\\b");

    /** One metadata file, checked. */
    record Meta(String file, String id, String name, String severity, String severityNote, String family,
                String summary, List<String> tags, String fixApplicability, String rationale, String fix,
                List<String> references) {
        String className() {
            StringBuilder b = new StringBuilder("dev.bklint.rules.").append(family).append('.');
            for (String part : name.split("-")) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            return b.toString();
        }
    }

    /** A mistake in the rule metadata: reported as one line, and the build stops. */
    public static final class MetadataError extends RuntimeException {
        MetadataError(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws IOException {
        try {
            generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        } catch (MetadataError e) {
            System.err.println("bklint rule metadata: " + e.getMessage());
            System.exit(1);
        }
    }

    public static void generate(Path rules, Path sources, Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(rules)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<Meta> metas = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Path file : files) {
            Meta m = read("rules/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
            if (!names.add(m.name())) {
                throw new MetadataError(m.file() + ": the name `" + m.name() + "` is another rule's too");
            }
            Path source = sources.resolve(m.className().replace('.', '/') + ".java");
            if (!Files.isRegularFile(source)) {
                throw new MetadataError(m.file() + ": expects the class " + m.className() + " in "
                        + shown(source) + " (from its family `" + m.family()
                        + "` and name `" + m.name() + "`), which does not exist");
            }
            metas.add(m);
        }
        checkEveryRuleClassHasMetadata(sources, metas);
        write(out.resolve("dev/bklint/rules/RuleIndex.java"), index(metas));
        write(out.resolve("dev/bklint/finding/RuleTexts.java"), texts(metas));
    }

    static Meta read(String file, String text) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(text);
        } catch (RuntimeException e) {
            throw new MetadataError(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new MetadataError(file + ": must be a mapping of id, name, severity, family, summary, rationale, "
                    + "fix and references");
        }
        for (Object key : map.keySet()) {
            if (!REQUIRED.contains(key) && !OPTIONAL.contains(key)) {
                throw new MetadataError(file + ": unknown field `" + key + "` (fields: " + String.join(", ", REQUIRED)
                        + ", and optionally " + String.join(", ", new TreeSet<>(OPTIONAL)) + ")");
            }
        }
        String id = text(file, map, "id");
        if (!ID.matcher(id).matches() || !file.equals("rules/" + id + ".yaml")) {
            throw new MetadataError(file + ": `id` must be BKnnn and match the file name, not `" + id + "`");
        }
        String name = text(file, map, "name");
        if (!NAME.matcher(name).matches()) {
            throw new MetadataError(file + ": `name` must be lower-case words joined by `-`, not `" + name + "`");
        }
        String severity = text(file, map, "severity");
        if (!SEVERITIES.contains(severity)) {
            throw new MetadataError(file + ": `severity` must be error, warning or info, not `" + severity + "`");
        }
        String family = text(file, map, "family");
        if (!NAME.matcher(family).matches() || family.contains("-")) {
            throw new MetadataError(file + ": `family` must be one lower-case word (a folder under rules/), not `"
                    + family + "`");
        }
        List<String> tags = strings(file, map, "tags");
        for (String tag : tags) {
            if (!TAGS.contains(tag)) {
                throw new MetadataError(file + ": unknown tag `" + tag + "` (tags: " + String.join(", ", new TreeSet<>(TAGS))
                        + ")");
            }
        }
        List<String> references = strings(file, map, "references");
        if (references.isEmpty()) {
            throw new MetadataError(file + ": `references` must list at least one source");
        }
        for (String ref : references) {
            if (!ref.startsWith("https://")) {
                throw new MetadataError(file + ": a reference must be an https:// address, not `" + ref + "`");
            }
        }
        String note = map.containsKey("severity_note") ? text(file, map, "severity_note") : null;
        String applicability = map.containsKey("fix_applicability") ? text(file, map, "fix_applicability") : null;
        if (applicability != null && !APPLICABILITIES.contains(applicability)) {
            throw new MetadataError(file + ": `fix_applicability` must be safe or unsafe (a fix without edits is "
                    + "display-only by itself), not `" + applicability + "`");
        }
        return new Meta(file, id, name, severity, note, family, text(file, map, "summary").strip(), tags, applicability,
                text(file, map, "rationale").strip(), text(file, map, "fix").strip(), references);
    }

    private static String text(String file, Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new MetadataError(file + ": `" + key + "` must be " + (v == null ? "given" : "text, not `" + v + "`"));
        }
        return s;
    }

    private static List<String> strings(String file, Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw new MetadataError(file + ": `" + key + "` must be a list of texts");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A rule class nobody's metadata names would silently never run. */
    private static void checkEveryRuleClassHasMetadata(Path sources, List<Meta> metas) throws IOException {
        Set<String> named = new LinkedHashSet<>();
        metas.forEach(m -> named.add(m.className()));
        Path root = sources.resolve("dev/bklint/rules");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (p.getParent().equals(root)) {
                    continue; // the framework (Rule, Reporter, ...), not rules
                }
                String source = Files.readString(p, StandardCharsets.UTF_8);
                String className = sources.relativize(p).toString().replace('\\', '/').replace('/', '.')
                        .replaceAll("\\.java$", "");
                if (RULE_CLASS.matcher(source).find() && !named.contains(className)) {
                    throw new MetadataError(shown(p) + " implements Rule,"
                            + " but no rules/BKnnn.yaml names it (family `" + p.getParent().getFileName()
                            + "`, name from its class name in lower case joined by `-`)");
                }
            }
        }
    }

    /** A path as the person running the build would type it: relative to where the build runs, when inside. */
    private static String shown(Path p) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(here) ? here.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static String index(List<Meta> metas) {
        StringBuilder headers = new StringBuilder();
        StringBuilder tags = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < metas.size(); i++) {
            Meta m = metas.get(i);
            headers.append("        {").append(String.join(", ", literal(m.id()), literal(m.name()),
                    literal(m.severity()), literal(m.severityNote()), literal(m.family()), literal(m.summary()),
                    literal(m.fixApplicability())))
                    .append("},\n");
            tags.append("        {").append(String.join(", ", m.tags().stream().map(GenerateRuleIndex::literal)
                    .toList())).append("},\n");
            cases.append("            case ").append(i).append(": return new ").append(m.className()).append("();\n");
        }
        return "package dev.bklint.rules;\n\n"
                + "/** Generated from rules/*.yaml by src/build/java/dev/bklint/build/GenerateRuleIndex.java at build time. */\n"
                + "final class RuleIndex {\n"
                + "    /** Per rule: id, name, severity, severity_note, family, summary, fix_applicability. */\n"
                + "    static final String[][] HEADERS = {\n" + headers + "    };\n\n"
                + "    static final String[][] TAGS = {\n" + tags + "    };\n\n"
                + "    private RuleIndex() {\n    }\n\n"
                + "    static Rule create(int index) {\n        switch (index) {\n" + cases
                + "            default: throw new IndexOutOfBoundsException(index);\n        }\n    }\n}\n";
    }

    private static String texts(List<Meta> metas) {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < metas.size(); i++) {
            Meta m = metas.get(i);
            List<String> all = new ArrayList<>(List.of(literal(m.rationale()), literal(m.fix())));
            m.references().forEach(r -> all.add(literal(r)));
            cases.append("            case ").append(i).append(": return new String[] {")
                    .append(String.join(",\n                ", all)).append("};\n");
        }
        return "package dev.bklint.finding;\n\n"
                + "/**\n * Generated from rules/*.yaml by src/build/java/dev/bklint/build/GenerateRuleIndex.java: each rule's long texts,"
                + " apart from\n * the rule index so that linting never loads them.\n */\n"
                + "public final class RuleTexts {\n"
                + "    private RuleTexts() {\n    }\n\n"
                + "    /** Rationale, fix, then the references. */\n"
                + "    public static String[] of(int index) {\n        switch (index) {\n" + cases
                + "            default: throw new IndexOutOfBoundsException(index);\n        }\n    }\n}\n";
    }

    private static void write(Path file, String java) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(java)) {
            Files.writeString(file, java, StandardCharsets.UTF_8);
        }
    }

    private static String literal(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20) {
                b.append(String.format("\\%03o", (int) c)); // octal: javac would read a unicode escape of CR or LF as a line break
            } else if (c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
