package dev.bklint.diagnose;

import java.util.ArrayList;
import java.util.List;

/** Finds which causes' patterns a line's text holds. One instance serves a whole run; it keeps no per-line state. */
public final class CauseMatcher {
    private final List<Cause> causes;

    public CauseMatcher(List<Cause> causes) {
        this.causes = List.copyOf(causes);
    }

    /** The causes, in catalogue order, with a pattern found in {@code text}. */
    public List<Cause> matching(String text) {
        List<Cause> out = new ArrayList<>(2);
        for (Cause c : causes) {
            if (c.matches(text)) {
                out.add(c);
            }
        }
        return out;
    }
}
