package dev.bklint.yaml;

/**
 * One key and value of a mapping. {@code merged} is true when the entry came from a {@code <<} merge key.
 */
public record YEntry(YNode key, YNode value, boolean merged) {
    /** The key's text when it is a scalar, else null. */
    public String keyText() {
        return key instanceof YScalar s ? s.value() : null;
    }
}
