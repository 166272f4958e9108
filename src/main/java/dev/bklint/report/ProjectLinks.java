package dev.bklint.report;

import dev.bklint.finding.RuleMeta;
import java.util.regex.Pattern;

/**
 * Where bklint's documentation lives on the web, when anyone said: the one place that names it. bklint has no
 * address of its own to assume, so the base comes from the environment ({@code BKLINT_DOCS_URL}) or the build
 * ({@code -Dbklint.docs.url=...}); without either, outputs carry no link at all rather than a dead one, and point
 * at {@code bklint explain ID} instead, which works offline.
 */
public final class ProjectLinks {
    /** A plain https address: nothing a Markdown link, HTML attribute or SARIF consumer would read as more. */
    private static final Pattern SAFE_URL = Pattern.compile("https://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+");
    private static final String BASE = base(System.getenv("BKLINT_DOCS_URL"), BuildInfo.get("docs"));

    private ProjectLinks() {
    }

    /**
     * The documentation's base address (the repository's files at a version, so that {@code BASE/docs/rules/BK201.md}
     * is a page), or null when none was given or the given one is not a plain https address.
     */
    public static String base() {
        return BASE;
    }

    static String base(String fromEnvironment, String fromBuild) {
        for (String candidate : new String[] {fromEnvironment, fromBuild}) {
            if (candidate != null && !candidate.isBlank()) {
                String url = candidate.strip();
                while (url.endsWith("/")) {
                    url = url.substring(0, url.length() - 1);
                }
                return SAFE_URL.matcher(url).matches() ? url : null;
            }
        }
        return null;
    }

    /** The rule's documentation page on the web, or null when no base address is known. */
    public static String ruleDoc(RuleMeta rule) {
        return ruleDoc(rule.id());
    }

    /** The documentation page of a rule known only by id, or null when no base address is known. */
    public static String ruleDoc(String id) {
        return BASE == null ? null : BASE + "/docs/rules/" + id + ".md";
    }

    /** Where to read about a rule: its page when a base address is known, else the offline command. */
    public static String ruleHelp(String id) {
        String url = ruleDoc(id);
        return url != null ? url : "bklint explain " + id;
    }
}
