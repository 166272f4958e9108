package dev.bklint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, stamped into the jar by the build. */
public final class Version {
    private Version() {
    }

    public static String get() {
        return property("version");
    }

    /** The commit the jar was built from, or {@code unknown} when the build was not told. */
    public static String commit() {
        return property("commit");
    }

    private static String property(String name) {
        try (InputStream in = Version.class.getResourceAsStream("/dev/bklint/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String value = p.getProperty(name, "unknown");
            return value.isBlank() || value.startsWith("${") ? "unknown" : value;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The version line with the commit and the Java runtime, so a slow or odd run can be explained. */
    public static String describe() {
        return "bklint " + get() + " (commit " + commit() + "; Java " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")";
    }
}
