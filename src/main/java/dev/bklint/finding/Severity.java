package dev.bklint.finding;

import java.util.Locale;

/** How bad a finding is; ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "info": return INFO;
            case "warning": return WARNING;
            case "error": return ERROR;
            default: throw new IllegalArgumentException("unknown severity '" + text + "' (info, warning, error)");
        }
    }
}
