package dev.bklint.finding;

import java.util.List;

/**
 * A rule's metadata from {@code rules/BKnnn.yaml}, as the build generated it: the short fields here, the long texts
 * (rationale, fix, references) from {@link RuleTexts} when first asked for, since linting never needs them.
 */
/**
 * {@code fixApplicability} is the level of the rule's fixes that carry edits ({@code fix_applicability}), or null
 * for a rule whose fixes never carry edits.
 */
public record RuleMeta(int index, String id, String name, Severity severity, String severityNote, String family,
                       String summary, List<String> tags, Applicability fixApplicability) {

    public RuleMeta {
        tags = List.copyOf(tags);
    }

    public String rationale() {
        return RuleTexts.of(index)[0];
    }

    public String fix() {
        return RuleTexts.of(index)[1];
    }

    public List<String> references() {
        String[] texts = RuleTexts.of(index);
        return List.of(texts).subList(2, texts.length);
    }

    /** True for rules tagged {@code security} (SARIF's security tag and severity). */
    public boolean security() {
        return tags.contains("security");
    }

    /**
     * True for rules tagged {@code run}: they report on the run itself (findings left out, a file not linted), so a
     * selection of other rules keeps them.
     */
    public boolean aboutTheRun() {
        return tags.contains("run");
    }

    /** The same rule at the severity a configuration gives it. */
    public RuleMeta withSeverity(Severity severity) {
        return new RuleMeta(index, id, name, severity, severityNote, family, summary, tags, fixApplicability);
    }

    /** The rule's documentation page, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + id + ".md";
    }
}
