package dev.bklint.buildkit;

/** The BuildKit security mode the author meant, inferred from the pod. */
public enum Mode {
    PRIVILEGED("privileged"),
    USERNS("userns"),
    ROOTLESS("rootless"),
    ROOTLESS_STRICT("rootless-strict"),
    UNKNOWN("unknown");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isRootless() {
        return this == ROOTLESS || this == ROOTLESS_STRICT;
    }

    public boolean isRootful() {
        return this == PRIVILEGED || this == USERNS;
    }
}
