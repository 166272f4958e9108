package dev.bklint.diagnose;

/**
 * A line's text that lets a regex read only so many characters: each {@link #charAt} spends one step, and once the
 * budget is spent reading throws {@link OverBudget}. A backtracking regex can take time quadratic (or worse) in the
 * line's length; counting reads bounds it whatever the pattern does, the way Jenkins' Build Failure Analyzer bounds
 * its scans. Not for sharing between threads.
 */
final class BoundedText implements CharSequence {
    /** Thrown when the budget is spent; carries no stack trace, since it is expected and caught at once. */
    static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super("the pattern read more of the line than its budget allows", null, false, false);
        }
    }

    private final String text;
    private final long budget;
    private long left;

    BoundedText(String text, long budget) {
        this.text = text;
        this.budget = budget;
        this.left = budget;
    }

    /** The reads spent so far. */
    long spent() {
        return budget - left;
    }

    @Override
    public char charAt(int index) {
        if (--left < 0) {
            throw new OverBudget();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
