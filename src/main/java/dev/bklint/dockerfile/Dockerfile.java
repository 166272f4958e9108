package dev.bklint.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What bklint needs from a Dockerfile: its stages (with {@code AS} names), the build args it declares, and
 * whether any stage has a {@code RUN}. Reading follows the Dockerfile frontend: instructions are
 * case-insensitive, a trailing escape character (backslash, or the one an {@code # escape=} directive names)
 * continues a line, and comment lines are dropped, also inside continued instructions.
 */
public final class Dockerfile {
    /** A {@code FROM} line: its base image, its stage name (lower-cased, as BuildKit compares them) and its line. */
    public record Stage(String base, String name, int line) {
    }

    private final List<Stage> stages = new ArrayList<>();
    private final Set<String> args = new TreeSet<>();
    private int runs;

    private Dockerfile() {
    }

    public static Dockerfile parse(String text) {
        Dockerfile d = new Dockerfile();
        char escape = escapeOf(text);
        String[] lines = text.split("\r?\n", -1);
        StringBuilder instruction = new StringBuilder();
        int start = 0;
        boolean heredoc = false;
        String heredocEnd = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (heredoc) {
                if (line.trim().equals(heredocEnd)) {
                    heredoc = false;
                }
                continue;
            }
            String trimmed = line.trim();
            if (instruction.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (instruction.length() > 0 && trimmed.startsWith("#")) {
                continue; // comments inside a continued instruction are dropped
            }
            if (instruction.length() == 0) {
                start = i + 1;
            }
            if (trimmed.endsWith(String.valueOf(escape))) {
                instruction.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            instruction.append(trimmed);
            String full = instruction.toString();
            instruction.setLength(0);
            heredocEnd = d.add(full, start);
            heredoc = heredocEnd != null;
        }
        if (instruction.length() > 0) {
            d.add(instruction.toString(), start);
        }
        return d;
    }

    /** Records one instruction; returns the heredoc terminator when the instruction opens one. */
    private String add(String instruction, int line) {
        String[] words = instruction.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        String keyword = words[0].toUpperCase(Locale.ROOT);
        switch (keyword) {
            case "FROM": {
                List<String> rest = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("--")) {
                        rest.add(words[i]);
                    }
                }
                String base = rest.isEmpty() ? "" : rest.get(0);
                String name = rest.size() >= 3 && rest.get(1).equalsIgnoreCase("AS")
                        ? rest.get(2).toLowerCase(Locale.ROOT) : null;
                stages.add(new Stage(base, name, line));
                return null;
            }
            case "ARG":
                for (int i = 1; i < words.length; i++) {
                    String name = words[i].contains("=") ? words[i].substring(0, words[i].indexOf('=')) : words[i];
                    if (!name.isEmpty()) {
                        args.add(name);
                    }
                }
                return null;
            case "RUN":
                runs++;
                return heredocTerminator(instruction);
            case "COPY": case "ADD":
                return heredocTerminator(instruction);
            default:
                return null;
        }
    }

    private static String heredocTerminator(String instruction) {
        int at = instruction.indexOf("<<");
        if (at < 0) {
            return null;
        }
        String rest = instruction.substring(at + 2).replaceFirst("^-", "").trim();
        String word = rest.split("[\\s;&|>]")[0].replace("\"", "").replace("'", "");
        return word.matches("[A-Za-z_][A-Za-z0-9_]*") ? word : null;
    }

    /** The escape character from a leading {@code # escape=} parser directive, else a backslash. */
    private static char escapeOf(String text) {
        for (String line : text.split("\r?\n")) {
            String t = line.trim();
            if (!t.startsWith("#")) {
                break;
            }
            String d = t.substring(1).trim().toLowerCase(Locale.ROOT).replace(" ", "");
            if (d.startsWith("escape=") && d.length() > "escape=".length()) {
                return d.charAt("escape=".length());
            }
        }
        return '\\';
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Stage names, lower-cased. */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (Stage s : stages) {
            if (s.name() != null) {
                names.add(s.name());
            }
        }
        return names;
    }

    public Set<String> declaredArgs() {
        return args;
    }

    public boolean hasRun() {
        return runs > 0;
    }
}
