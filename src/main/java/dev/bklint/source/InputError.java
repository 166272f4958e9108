package dev.bklint.source;

/** An input that cannot be read as text (missing, unreadable, binary, not UTF-8, too large). Exit code 2. */
public final class InputError extends Exception {
    public InputError(String message) {
        super(message, null, false, false);
    }
}
