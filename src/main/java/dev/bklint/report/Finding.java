package dev.bklint.report;

import dev.bklint.source.Span;

/** One problem found: which rule, where, what to say and how to fix it. */
public record Finding(String rule, String name, Severity severity, String path, Span span, String message, Fix fix)
        implements Comparable<Finding> {

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
