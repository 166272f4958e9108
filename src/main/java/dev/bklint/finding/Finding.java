package dev.bklint.finding;

import dev.bklint.source.Span;
import java.util.List;
import java.util.Objects;

/**
 * One problem found: which rule, where, what to say and how to fix it. {@code message} is the headline (what is
 * wrong and where, about 120 characters); {@code why} says why it matters, and the fix how to mend it. {@code uses} are the aliases or merge keys
 * through which the text at {@code span} was reached (empty when it was linted where it is written): a mistake
 * written once in an anchor is one finding at the anchor, naming where it is used, not one per copy.
 */
public record Finding(String rule, String name, Severity severity, String path, Span span, String message,
                      String why, Fix fix, List<Span> uses) implements Comparable<Finding> {

    public Finding {
        why = why == null ? "" : why;
        uses = List.copyOf(uses);
    }

    public Finding(String rule, String name, Severity severity, String path, Span span, String message, String why,
                   Fix fix) {
        this(rule, name, severity, path, span, message, why, fix, List.of());
    }

    /** Headline and why as one text, for formats that have a single message field (the headline first, as SARIF asks). */
    public String text() {
        return joined(message, why);
    }

    /** A headline and a why, as already rendered for some format, joined into one text. */
    public static String joined(String headline, String why) {
        if (why.isEmpty()) {
            return headline;
        }
        return headline + (headline.endsWith(".") ? " " : ". ") + why;
    }

    /** True when both say the same at the same place, wherever the text was used from. */
    public boolean sameExceptUses(Finding o) {
        return rule.equals(o.rule) && name.equals(o.name) && severity == o.severity && path.equals(o.path)
                && span.equals(o.span) && message.equals(o.message) && why.equals(o.why)
                && Objects.equals(fix, o.fix);
    }

    public Finding withUses(List<Span> uses) {
        return new Finding(rule, name, severity, path, span, message, why, fix, uses);
    }

    public Finding withMessage(String message) {
        return new Finding(rule, name, severity, path, span, message, why, fix, uses);
    }

    public Finding withWhy(String why) {
        return new Finding(rule, name, severity, path, span, message, why, fix, uses);
    }

    @Override
    public int compareTo(Finding o) {
        int c = path.compareTo(o.path);
        if (c == 0) {
            c = span.compareTo(o.span);
        }
        if (c == 0) {
            c = rule.compareTo(o.rule);
        }
        return c != 0 ? c : message.compareTo(o.message);
    }
}
