package dev.bklint.yaml;

import dev.bklint.source.Span;
import java.util.Locale;

/**
 * Bounds what aliases may expand to, so that an alias bomb ends with an error, not a hang. Alias copies are real
 * nodes that the model and every rule walk (a step reached through ten aliases is linted ten times), so the bound
 * is on the expanded tree, relative to what is written: linting stays linear in the size of the file.
 *
 * <ul>
 *   <li>nodes in all, written or copied: at most {@code limit} (checked as they are made);</li>
 *   <li>nodes copied through aliases: at most {@link #COPIES_PER_WRITTEN} per written node, or
 *       {@link #MIN_COPIED_NODES} for a small file (checked when the file is read);</li>
 *   <li>characters of scalars copied through aliases (commands, which rules read character by character): at most
 *       {@link #COPIED_CHARS_PER_CHAR} per character of the file, or {@link #MIN_COPIED_CHARS}.</li>
 * </ul>
 */
final class NodeBudget {
    static final long MIN_COPIED_NODES = 10_000;
    static final long COPIES_PER_WRITTEN = 20;
    static final long MIN_COPIED_CHARS = 64 * 1024;
    static final long COPIED_CHARS_PER_CHAR = 4;

    private final long limit;
    private final long textLength;
    private long written;
    private long copied;
    private long copiedChars;
    /** The alias that copied the most nodes, where the finding points when the copies are too many. */
    private Span biggestAlias;
    private long biggestCopy;
    private long before;

    NodeBudget(long limit, long textLength) {
        this.limit = limit;
        this.textLength = textLength;
    }

    /** One node read where it is written. */
    void written() {
        written++;
        checkTotal();
    }

    /** One node copied through an alias, holding {@code chars} characters of scalar text. */
    void copied(long chars) {
        copied++;
        copiedChars += chars;
        checkTotal(); // copies share their text, so only nodes cost memory while the file is read
    }

    /** Marks the start of one alias's copy, to remember the alias that copies the most. */
    void aliasStart() {
        before = copied;
    }

    void aliasEnd(Span alias) {
        if (copied - before > biggestCopy) {
            biggestCopy = copied - before;
            biggestAlias = alias;
        }
    }

    /** Checks the bounds relative to the file, once it is read. */
    void checkRelative() {
        long nodes = Math.max(MIN_COPIED_NODES, COPIES_PER_WRITTEN * written);
        if (copied > nodes) {
            throw new LimitExceeded(String.format(Locale.ROOT, "aliases copy %,d nodes, more than %,d (%d per node "
                    + "written, as bklint lints each copy; an alias bomb?)", copied, nodes, COPIES_PER_WRITTEN),
                    biggestAlias);
        }
        if (copiedChars > Math.max(MIN_COPIED_CHARS, COPIED_CHARS_PER_CHAR * textLength)) {
            throw new LimitExceeded(charsMessage(), biggestAlias);
        }
    }

    private String charsMessage() {
        return String.format(Locale.ROOT, "aliases copy more than %,d characters of text (%d per character of the "
                + "file, as bklint lints each copy; an alias bomb?)",
                Math.max(MIN_COPIED_CHARS, COPIED_CHARS_PER_CHAR * textLength), COPIED_CHARS_PER_CHAR);
    }

    private void checkTotal() {
        if (written + copied > limit) {
            throw new LimitExceeded("aliases expand to more than " + limit + " nodes (an alias bomb?)", null);
        }
    }

    static final class LimitExceeded extends RuntimeException {
        private final transient Span at;

        LimitExceeded(String message, Span at) {
            super(message, null, false, false);
            this.at = at;
        }

        /** The alias to point at, or null (the start of the file). */
        Span at() {
            return at;
        }
    }
}
