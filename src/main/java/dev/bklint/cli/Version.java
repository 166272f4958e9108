package dev.bklint.cli;

import dev.bklint.report.BuildInfo;

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
        String value = BuildInfo.get(name);
        return value.isEmpty() ? "unknown" : value;
    }

    /** The version line with the commit and the Java runtime, so a slow or odd run can be explained. */
    public static String describe() {
        return "bklint " + get() + " (commit " + commit() + "; Java " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("java.vm.name") + ", " + System.getProperty("java.vendor") + ")";
    }
}
