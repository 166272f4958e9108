package dev.bklint.report;

import dev.bklint.finding.RuleMeta;

/** Where bklint lives on the web: the one place that names the project's address. */
public final class ProjectLinks {
    /** The project's home page (a placeholder until the repository is published). */
    public static final String HOME = "https://github.com/bklint/bklint";

    private ProjectLinks() {
    }

    /** The rule's documentation page on the web: {@code HOME/blob/main/docs/rules/BKnnn.md}. */
    public static String ruleDoc(RuleMeta rule) {
        return HOME + "/blob/main/" + rule.docPath();
    }

    /** The documentation page of a rule known only by id. */
    public static String ruleDoc(String id) {
        return HOME + "/blob/main/docs/rules/" + id + ".md";
    }
}
