package dev.bklint.yaml;

/** Caps how many nodes alias expansion may create, so that an alias bomb ends with an error, not a hang. */
final class NodeBudget {
    private final long limit;
    private long used;

    NodeBudget(long limit) {
        this.limit = limit;
    }

    void spend(long n) {
        used += n;
        if (used > limit) {
            throw new LimitExceeded("aliases expand to more than " + limit + " nodes (an alias bomb?)");
        }
    }

    static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
