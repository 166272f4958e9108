package dev.bklint.rules.yaml;

import dev.bklint.rules.Headline;
import dev.bklint.finding.Edit;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.schema.SchemaViolation;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YamlEdits;
import java.util.List;
import java.util.regex.Pattern;

/**
 * BK005: a value in the kubernetes plugin whose type the controller cannot decode (an env {@code value: 0}, a
 * quoted {@code runAsUser}, {@code containers} as a mapping...). Go's {@code json.Unmarshal} fails on it and the
 * job fails before its pod starts. YAML 1.1 and quoted booleans in boolean fields are BK003's.
 */
public final class WrongType implements Rule {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

    @Override
    public void visitStep(StepAnalysis step, Reporter reporter) {
        if (step.step() == null || step.plugin() == null) {
            return;
        }
        if (step.plugin().config() == null) {
            notAMapping(step.plugin().use().config(), reporter);
            return;
        }
        for (SchemaViolation v : step.pluginViolations()) {
            if (v.kind() == SchemaViolation.Kind.WRONG_TYPE && !reportedByBk003(v)) {
                wrongType(v, reporter);
            } else if (v.kind() == SchemaViolation.Kind.INVALID_VALUE) {
                invalidValue(v, reporter);
            }
        }
    }

    /** {@code kubernetes: [...]} or {@code kubernetes: "..."}: the controller cannot decode the plugin at all. */
    private static void notAMapping(YNode config, Reporter reporter) {
        if (config == null || config instanceof YScalar s && s.isNull()) {
            return; // `- kubernetes` with no configuration
        }
        reporter.report(config, "The kubernetes plugin's configuration must be a mapping (`podSpec:`, `checkout:`...), "
                + "but it is " + config.kindName() + ".", "The controller decodes it with Go's JSON rules, so the job "
                + "fails before its pod starts.", Fix.describe("Write the plugin's fields as a mapping.",
                        "kubernetes:\n  podSpec:\n    containers:\n      - name: main"));
    }

    /** BK003 (yaml11-boolean) reports yes/no/on/off and quoted booleans in the boolean fields it knows. */
    static boolean reportedByBk003(SchemaViolation v) {
        if (!"a boolean".equals(v.expected()) || !(v.node() instanceof YScalar s)
                || !(s.isYaml11Boolean() || s.isQuotedBoolean()) || v.key() == null
                || !Yaml11Boolean.BOOLEAN_FIELDS.contains(v.key())) {
            return false;
        }
        List<String> above = v.fields().subList(0, v.fields().size() - 1);
        return above.stream().noneMatch(Yaml11Boolean.STRING_SUBTREES::contains);
    }

    private void wrongType(SchemaViolation v, Reporter reporter) {
        YNode node = v.node();
        String name;
        String shortName;
        if (v.key() == null) {
            name = "Each item of `" + parentName(v) + "`";
            shortName = name;
        } else if (!v.goField().endsWith("." + parentName(v))) {
            shortName = "`" + v.key() + "` in `" + v.fields().get(v.fields().size() - 2) + "`";
            name = "The value of " + shortName;
        } else {
            name = "`" + v.key() + "`";
            shortName = name;
        }
        String expected = " must be " + v.expected() + ", but ";
        String headline = Headline.first(name + expected + shown(node) + " is " + node.kindName() + ".",
                name + expected + "it is " + node.kindName() + ".",
                shortName + expected + "it is " + node.kindName() + ".");
        String why = "The controller decodes the plugin with Go's JSON rules, which do not convert types, so the job "
                + "fails before its pod starts (`json: cannot unmarshal " + v.found() + " into Go struct field "
                + v.goField() + " ...`).";
        reporter.report(node, headline, why, fix(v));
    }

    private static Fix fix(SchemaViolation v) {
        YNode node = v.node();
        String label = v.key() != null ? v.key() : "- ";
        if (node instanceof YScalar s && !s.isBlock()) {
            String expected = v.expected();
            if (expected.equals("a string") && s.type() != YScalar.Type.STRING) {
                String quoted = quote(s.value());
                return edit("Quote it: " + code(label, quoted) + ".", label, quoted, s);
            }
            if (expected.contains("an integer") && s.type() == YScalar.Type.STRING
                    && INTEGER.matcher(s.value()).matches()) {
                return edit("Write the number without quotes: " + code(label, s.value()) + ".", label, s.value(), s);
            }
            if (expected.equals("a boolean") && (s.isYaml11Boolean() || s.isQuotedBoolean())) {
                String bool = s.isQuotedBoolean() ? s.value() : String.valueOf(s.yaml11Meaning());
                return edit("Write a bare boolean: " + code(label, bool) + ".", label, bool, s);
            }
            if (expected.equals("a boolean") && s.type() == YScalar.Type.INT
                    && (s.value().equals("0") || s.value().equals("1"))) {
                String bool = s.value().equals("1") ? "true" : "false";
                return edit("Write a boolean: " + code(label, bool) + ".", label, bool, s);
            }
            if (expected.equals("a list") && s.type() == YScalar.Type.STRING && !s.value().contains("\n")) {
                String list = "[" + quote(s.value()) + "]";
                return edit("Write a list: " + code(label, list) + ".", label, list, s);
            }
        }
        if (v.expected().equals("a list")) {
            return Fix.describe("Write `" + label + "` as a list, one item per `- ` line.", listSnippet(v));
        }
        return Fix.describe("Write `" + label + "` as " + v.expected() + ".", null);
    }

    /** For {@code env} written as a mapping (the step's own form), the list the container needs; else null. */
    private static String listSnippet(SchemaViolation v) {
        if (!"env".equals(parentName(v)) || !(v.node() instanceof YMap map)) {
            return null;
        }
        StringBuilder b = new StringBuilder("env:");
        for (YEntry e : map.entries()) {
            String value = e.value() instanceof YScalar s && !s.isNull() ? quote(s.value()) : "\"\"";
            b.append("\n  - name: ").append(e.keyText()).append("\n    value: ").append(value);
        }
        return b.toString();
    }

    private void invalidValue(SchemaViolation v, Reporter reporter) {
        YNode node = v.node();
        String valid = v.expected();
        String label = v.key() != null ? v.key() : parentName(v);
        String headline = "`" + label + "` must be one of " + valid + ", but it is " + shown(node) + ".";
        String why = "The controller accepts no other value.";
        if (!Headline.fits(headline)) {
            headline = Headline.first("`" + label + "` is " + shown(node) + ", not one of its values.",
                    "`" + label + "` is not one of its values.");
            why = "The controller accepts only " + valid + ".";
        }
        if (node instanceof YScalar s) {
            for (String option : valid.split(", ")) {
                String bare = option.replace("`", "");
                if (bare.equalsIgnoreCase(s.value())) {
                    reporter.report(node, headline, why, edit("Write " + option + ".", label, bare, s));
                    return;
                }
            }
        }
        reporter.report(node, headline, why, Fix.describe("Use one of " + valid + ".", null));
    }

    private static Fix edit(String description, String label, String text, YNode node) {
        Edit edit = YamlEdits.replace(node, text);
        return new Fix(description, label.equals("- ") ? "- " + text : label + ": " + text, List.of(edit));
    }

    private static String code(String label, String text) {
        return "`" + (label.equals("- ") ? "- " + text : label + ": " + text) + "`";
    }

    private static String parentName(SchemaViolation v) {
        List<String> f = v.fields();
        return f.isEmpty() ? "" : f.get(f.size() - 1);
    }

    private static String shown(YNode node) {
        if (node instanceof YScalar s) {
            String text = s.style() == YScalar.Style.SINGLE_QUOTED ? "'" + s.value() + "'"
                    : s.style() == YScalar.Style.DOUBLE_QUOTED ? "\"" + s.value() + "\"" : s.value();
            return "`" + text + "`";
        }
        return "it";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
