package dev.bklint.diagnose;

/**
 * How sure a diagnosis is, and why: the log's evidence first, then what the pipeline the job ran says. A generic
 * cause (a RUN that failed) starts low and a specific one medium; evidence near it in the same failure site raises
 * it; the cause's lint rule firing on the step that ran makes it high, and the rule staying silent there lowers it,
 * since the file then shows no sign of the mistake (the cause may lie in the node, the cluster or the image).
 */
public final class Confidence {
    public static final String LOW = "low";
    public static final String MEDIUM = "medium";
    public static final String HIGH = "high";

    private Confidence() {
    }

    /** A level and the one-line reason for it. */
    public record Rating(String level, String reason) {
    }

    /** Rates {@code headline}; {@code link} is the pipeline link, or null when no pipeline was given or found. */
    public static Rating rate(Diagnoser.Match headline, PipelineLink.Result link) {
        Cause c = headline.cause();
        int level = c.role().equals("generic") ? 0 : 1;
        String reason = c.role().equals("generic") ? "a generic cause: the log shows what failed, not why"
                : "the log line is specific to this cause";
        if (headline.corroborated()) {
            level++;
            reason += ", and other evidence in the same failure site agrees";
        }
        if (link == null) {
            return new Rating(name(level), reason + "; no pipeline to check it against");
        }
        PipelineLink.Link l = link.link();
        if (l == null) {
            return new Rating(name(level), reason + "; the step that ran could not be told");
        }
        if (l.finding() != null) {
            return new Rating(HIGH, reason + "; " + c.rule() + " fires on the step that ran");
        }
        if (c.hasRule()) {
            return new Rating(name(level - 1), reason + "; but " + c.rule() + " does not fire on the step that ran "
                    + "(or is suppressed there), so the file shows no sign of this mistake");
        }
        return new Rating(name(level), reason + "; no lint rule checks the file for it");
    }

    private static String name(int level) {
        return level <= 0 ? LOW : level == 1 ? MEDIUM : HIGH;
    }
}
