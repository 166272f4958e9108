package dev.bklint.kubernetes;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;

/** A securityContext field as the container ends up with it, and whether it was inherited from the pod. */
public record Setting(YEntry entry, boolean podLevel) {
    public YNode value() {
        return entry.value();
    }

    public YScalar scalar() {
        return entry.value().asScalar();
    }

    public boolean isTrue() {
        return scalar() != null && scalar().isTrue();
    }

    public boolean isFalse() {
        return scalar() != null && scalar().isFalse();
    }

    /** The integer value, or null when it is not an integer. */
    public Long integer() {
        YScalar s = scalar();
        if (s == null || s.type() != YScalar.Type.INT) {
            return null;
        }
        try {
            return Long.decode(s.value().replace("0o", "0"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String where() {
        return podLevel ? "the pod's securityContext" : "the container's securityContext";
    }
}
