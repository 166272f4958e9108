package dev.bklint.cli;

/** With BKLINT_TRACE set, prints how long each phase of a run took, to explain a slow start. */
public final class Trace {
    private static final boolean ON = System.getenv("BKLINT_TRACE") != null;
    private static long last = System.nanoTime();

    private Trace() {
    }

    public static void mark(String phase) {
        if (ON) {
            long now = System.nanoTime();
            System.err.println("bklint trace: " + phase + " " + (now - last) / 1_000_000 + " ms");
            last = now;
        }
    }
}
