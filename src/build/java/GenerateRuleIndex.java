import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (run by Maven before compiling, as a single-file program): writes dev.bklint.rules.RuleIndex, which
 * lists every rule in rules/ with its one-line metadata fields and constructs its class directly. Linting then
 * neither scans the jar for metadata files nor instantiates rules by reflection, both slow on a cold start.
 * A rule whose fields are not all plain one-line values is listed by resource only, and read as YAML at run time.
 * Usage: java GenerateRuleIndex.java RULES_DIR OUTPUT_SOURCE_DIR
 */
public final class GenerateRuleIndex {
    private static final List<String> FIELDS = List.of("id", "name", "severity", "severity_note", "family",
            "summary");

    public static void main(String[] args) throws IOException {
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1], "dev", "bklint", "rules", "RuleIndex.java");
        List<Path> files;
        try (Stream<Path> s = Files.list(rules)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        StringBuilder headers = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            Map<String, String> f = plainFields(Files.readString(files.get(i), StandardCharsets.UTF_8));
            if (f.get("name") == null || f.get("family") == null) {
                // The class name is derived from these two, so they must be readable here.
                throw new IllegalStateException(files.get(i) + ": name and family must be plain one-line values");
            }
            headers.append("        {").append(literal("rules/" + files.get(i).getFileName()));
            // A field written in a form this reader does not take: the whole file is read as YAML instead.
            boolean plain = f.values().stream().allMatch(v -> v != null)
                    && FIELDS.stream().filter(k -> !k.equals("severity_note")).allMatch(f::containsKey);
            for (String field : plain ? FIELDS : List.<String>of()) {
                headers.append(", ").append(literal(f.get(field)));
            }
            headers.append("},\n");
            cases.append("            case ").append(i).append(": return new ")
                    .append(className(f.get("family"), f.get("name"))).append("();\n");
        }
        String java = "package dev.bklint.rules;\n\n"
                + "/** Generated from rules/*.yaml by src/build/java/GenerateRuleIndex.java at build time. */\n"
                + "final class RuleIndex {\n"
                + "    /** Per rule: resource, then " + String.join(", ", FIELDS) + "; the resource alone: read it as YAML. */\n"
                + "    static final String[][] HEADERS = {\n" + headers + "    };\n\n"
                + "    private RuleIndex() {\n    }\n\n"
                + "    static Rule create(int index) {\n        switch (index) {\n" + cases
                + "            default: throw new IndexOutOfBoundsException(index);\n        }\n    }\n}\n";
        Files.createDirectories(out.getParent());
        if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(java)) {
            Files.writeString(out, java, StandardCharsets.UTF_8);
        }
    }

    /** Top-level "key: value" lines whose value is plain or a simple double-quoted string. */
    static Map<String, String> plainFields(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 2).strip();
            if (!FIELDS.contains(key)) {
                continue;
            }
            boolean quoted = value.startsWith("\"");
            boolean plain = !value.isEmpty() && "|>'&*!%@`{[".indexOf(value.charAt(0)) < 0 && !value.contains(" #")
                    && !value.contains(": ") && !quoted;
            boolean simpleQuoted = quoted && value.length() >= 2 && value.endsWith("\"") && !value.contains("\\")
                    && value.indexOf('"', 1) == value.length() - 1;
            fields.put(key, plain ? value : simpleQuoted ? value.substring(1, value.length() - 1) : null);
        }
        return fields;
    }

    /** dev.bklint.rules.FAMILY.PascalCaseName, the convention RuleMeta.className() states. */
    static String className(String family, String name) {
        StringBuilder b = new StringBuilder("dev.bklint.rules.").append(family).append('.');
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    private static String literal(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
