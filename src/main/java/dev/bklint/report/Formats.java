package dev.bklint.report;

import java.util.List;
import java.util.Locale;

/** The names {@code --format} accepts and the formatter behind each. */
public final class Formats {
    public static final List<String> NAMES =
            List.of("text", "json", "sarif", "github", "gnu", "checkstyle", "junit", "buildkite");

    private Formats() {
    }

    /** The formatter for a name (case-insensitive); {@code color} applies to text written to a terminal. */
    public static ReportFormatter of(String name, boolean color) {
        return of(name, color, false);
    }

    /** As {@link #of(String, boolean)}; {@code concise} text gives one line per finding (editors, pre-commit). */
    public static ReportFormatter of(String name, boolean color, boolean concise) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "text": return r -> new TextFormatter(color, concise).format(r.findings(), r.sources(),
                    r.sources().size());
            case "json": return r -> JsonFormatter.format(r.version(), r.findings(), r.steps());
            case "sarif": return new SarifFormatter();
            case "github": return new GithubFormatter();
            case "gnu": return new GnuFormatter();
            case "checkstyle": return new CheckstyleFormatter();
            case "junit": return new JunitFormatter();
            case "buildkite": return new BuildkiteFormatter();
            default: throw new IllegalArgumentException("unknown --format '" + name + "' (one of "
                    + String.join(", ", NAMES) + ")");
        }
    }
}
