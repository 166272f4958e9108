package dev.bklint.rules;

import dev.bklint.report.Severity;
import java.util.List;

/** A rule's metadata, read from {@code rules/BKnnn.yaml}. */
public record RuleMeta(String id, String name, Severity severity, String severityNote, String family,
                       String summary, String rationale, String fix, List<String> references) {

    /** The rule's documentation page, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }

    /** The implementing class by convention: {@code dev.bklint.rules.<family>.<PascalCaseName>}. */
    public String className() {
        StringBuilder b = new StringBuilder("dev.bklint.rules.").append(family).append('.');
        for (String part : name.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
