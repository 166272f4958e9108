package dev.bklint.diagnose;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One known cause of a failed BuildKit job, as its cause file describes it.
 *
 * @param role     cause, wrapper, cascade or generic; wrappers and cascades only point elsewhere and never headline
 * @param priority higher is more specific; it decides which of several matched causes headlines
 * @param rule     the bklint rule that would have prevented it, or {@code none}
 */
public record Cause(String id, String title, String role, int priority, String rule, List<Pattern> patterns,
                    List<String> supersedes, String why, String fix, List<String> sources, List<String> matchTests,
                    List<String> noMatchTests) {
    public static final List<String> ROLES = List.of("cause", "wrapper", "cascade", "generic");

    public Cause {
        patterns = List.copyOf(patterns);
        supersedes = List.copyOf(supersedes);
        sources = List.copyOf(sources);
        matchTests = List.copyOf(matchTests);
        noMatchTests = List.copyOf(noMatchTests);
    }

    /** Whether this cause may be reported as what went wrong (wrappers and cascades only point at another). */
    public boolean canHeadline() {
        return role.equals("cause") || role.equals("generic");
    }

    /** Whether some pattern is found in {@code text}. */
    public boolean matches(String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a lint rule would have caught it. */
    public boolean hasRule() {
        return !rule.equals("none");
    }
}
