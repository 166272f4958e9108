package dev.bklint.cli;

import java.io.Console;
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
            return consoleIsTerminal();
        }
    }

    /**
     * From JDK 22 System.console() is not null for a pipe or a file either, so colour would be written into them;
     * Console.isTerminal() (JDK 22) says whether it is one. Before 22 a console exists only on a terminal.
     */
    @SuppressWarnings("SystemConsoleNull") // the null test is for JDK 17-21; isTerminal() answers on 22 and later
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
