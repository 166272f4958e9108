package dev.bklint.diagnose;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One known cause of a failed BuildKit job, as its cause file describes it.
 *
 * @param role     cause, wrapper, cascade or generic; wrappers and cascades only point elsewhere and never headline
 * @param priority higher is more specific; it decides which of several matched causes headlines
 * @param rule       the bklint rule that would have prevented it, or the word none
 * @param where      the sections its patterns may match in; empty means any
 * @param near       evidence in the same failure site that makes the cause more certain
 * @param unlessNear evidence in the same failure site that means another cause: the match is dropped
 * @param pointsAt   the effective pod's field it is about ({@link PointsAt}), or null
 * @param why        why it happens: the rule's rationale when it has a rule, so the two never drift
 * @param note       what this log's words add to the rule's rationale, or empty
 * @param fix        how to mend it: the rule's fix when it has a rule
 */
public record Cause(String id, String title, String role, int priority, String rule, List<Pattern> patterns,
                    Set<Section> where, List<Pattern> near, List<Pattern> unlessNear, String pointsAt,
                    List<String> supersedes, String why, String note, String fix, List<String> sources,
                    List<String> matchTests, List<String> noMatchTests) {
    public static final List<String> ROLES = List.of("cause", "wrapper", "cascade", "generic");

    public Cause {
        patterns = List.copyOf(patterns);
        where = Set.copyOf(where);
        near = List.copyOf(near);
        unlessNear = List.copyOf(unlessNear);
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

    /** Whether its patterns may match a line printed in {@code section}. */
    public boolean mayMatchIn(Section section) {
        return where.isEmpty() || where.contains(section);
    }

    /** Whether a lint rule would have caught it. */
    public boolean hasRule() {
        return !rule.equals("none");
    }
}
