package dev.bklint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard output is a terminal, for colour. */
final class Terminal {
    private Terminal() {
    }

    /**
     * On Linux, where file descriptor 1 points: a terminal device or not. Elsewhere, System.console(), which on
     * JDK 22 and later looks up console providers across the JDK's modules and costs tens of milliseconds at
     * start-up, more than a lint.
     */
    static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
