package dev.bklint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, stamped into the jar by the build. */
public final class Version {
    private Version() {
    }

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/bklint/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The version line with the Java runtime, so a slow or odd run can be explained. */
    public static String describe() {
        return "bklint " + get() + " (Java " + System.getProperty("java.runtime.version") + ", "
                + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")";
    }
}
