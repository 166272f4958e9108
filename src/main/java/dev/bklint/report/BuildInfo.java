package dev.bklint.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build stamped into the jar ({@code dev/bklint/version.properties}): version, commit, documentation
 * address. Read once; a value the build left unset (empty, or an unfiltered {@code ${...}}) reads as empty.
 */
public final class BuildInfo {
    private static final Properties STAMPED = load();

    private BuildInfo() {
    }

    /** The stamped value of {@code key}, or the empty string when the build did not set it. */
    public static String get(String key) {
        String value = STAMPED.getProperty(key, "").strip();
        return value.startsWith("${") ? "" : value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/bklint/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable stamp is an unstamped build: every value reads as empty
        }
        return p;
    }
}
