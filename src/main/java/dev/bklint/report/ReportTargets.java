package dev.bklint.report;

import dev.bklint.source.SourceFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pairs {@code --format} and {@code --output} options by their order on the command line: an {@code --output FILE}
 * belongs to the {@code --format} just before it; a {@code --format} with no {@code --output} of its own writes to
 * standard output, and at most one may. {@code --output -} names standard output explicitly. Without any
 * {@code --format}, the report is text on standard output.
 */
public final class ReportTargets {
    /** One report to produce: a format and where it goes ({@code null} for standard output). */
    public record Target(String format, String output) {
        public boolean toStdout() {
            return output == null;
        }
    }

    /** One {@code --format} or {@code --output} as given, in command-line order. */
    public record Arg(boolean isFormat, String value) {
        public static Arg format(String value) {
            return new Arg(true, value);
        }

        public static Arg output(String value) {
            return new Arg(false, value);
        }
    }

    private ReportTargets() {
    }

    /** The reports the options ask for; an {@link IllegalArgumentException} (a usage error) when they do not pair. */
    public static List<Target> pair(List<Arg> args) {
        List<String> formats = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (Arg a : args) {
            if (a.isFormat()) {
                String name = a.value().strip().toLowerCase(Locale.ROOT);
                Formats.of(name, false); // an unknown name fails here, before anything is read
                formats.add(name);
                outputs.add(null);
            } else if (formats.isEmpty()) {
                throw new IllegalArgumentException("--output " + a.value() + " must follow the --format it writes "
                        + "(e.g. --format sarif --output " + a.value() + ")");
            } else if (outputs.get(outputs.size() - 1) != null) {
                throw new IllegalArgumentException("--output " + a.value() + ": --format "
                        + formats.get(formats.size() - 1) + " already writes to " + outputs.get(outputs.size() - 1)
                        + "; put a --format before each --output");
            } else if (a.value().isBlank()) {
                throw new IllegalArgumentException("--output needs a file name");
            } else {
                outputs.set(outputs.size() - 1, a.value());
            }
        }
        if (formats.isEmpty()) {
            return List.of(new Target("text", null));
        }
        List<Target> targets = new ArrayList<>();
        List<String> toStdout = new ArrayList<>();
        Map<Path, String> files = new HashMap<>();
        for (int i = 0; i < formats.size(); i++) {
            String output = "-".equals(outputs.get(i)) ? null : outputs.get(i);
            targets.add(new Target(formats.get(i), output));
            if (output == null) {
                toStdout.add(formats.get(i));
            } else {
                String earlier = files.put(normal(output), output);
                if (earlier != null) {
                    String same = earlier.equals(output) ? " is given twice"
                            : " and --output " + output + " name the same file";
                    throw new IllegalArgumentException("--output " + earlier + same
                            + "; each report needs its own file");
                }
            }
        }
        if (toStdout.size() > 1) {
            throw new IllegalArgumentException("--format " + String.join(" and --format ", toStdout)
                    + " would both write to standard output; give all but one an --output FILE after it");
        }
        return targets;
    }

    /** Refuses a report file that is one of the pipelines being linted. */
    public static void checkNotAnInput(List<Target> targets, List<SourceFile> inputs) {
        for (Target t : targets) {
            if (t.toStdout()) {
                continue;
            }
            Path out = normal(t.output());
            for (SourceFile s : inputs) {
                Path in;
                try {
                    in = normal(s.path());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (out.equals(in)) {
                    throw new IllegalArgumentException("--output " + t.output() + " is an input pipeline; "
                            + "refusing to overwrite it");
                }
            }
        }
    }

    private static Path normal(String path) {
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--output " + path + ": not a valid path (" + e.getReason() + ")");
        }
    }
}
