package dev.bklint.buildkit;

import dev.bklint.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code BUILDKITD_FLAGS} value that reaches {@code buildctl-daemonless.sh}, where it was set, and its
 * words. The script expands the variable unquoted, so it is split on whitespace.
 */
public record DaemonFlags(String value, String origin, Span span) {
    public static final String NO_PROCESS_SANDBOX = "--oci-worker-no-process-sandbox";

    public List<String> words() {
        List<String> words = new ArrayList<>();
        if (value != null) {
            // value.trim().split("\\s+") without empty words, and without compiling a pattern on every call
            String text = value.trim();
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                boolean space = i == text.length() || isSpace(text.charAt(i));
                if (space && start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                } else if (!space && start < 0) {
                    start = i;
                }
            }
        }
        return words;
    }

    /** The characters that the regex {@code \s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** True when the flag is given; quotes around it (BK416's mistake) do not hide it. */
    public boolean has(String flag) {
        for (String quoted : words()) {
            String w = quoted.replace("\"", "").replace("'", "");
            if (w.equals(flag) || w.startsWith(flag + "=") && !w.endsWith("=false")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every value of a repeatable daemon flag ({@code --addr}), written {@code --x v} or {@code --x=v}, in order;
     * quotes inside the value (BK416's mistake) are dropped.
     */
    public List<String> valuesOf(String flag) {
        List<String> words = words();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).replace("\"", "").replace("'", "");
            if (w.startsWith(flag + "=")) {
                values.add(w.substring(flag.length() + 1));
            } else if (w.equals(flag) && i + 1 < words.size()) {
                values.add(words.get(++i).replace("\"", "").replace("'", ""));
            }
        }
        return values;
    }

    /** The value of a daemon flag written {@code --x v} or {@code --x=v}, or null. */
    public String valueOf(String flag) {
        List<String> words = words();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith(flag + "=")) {
                return w.substring(flag.length() + 1);
            }
            if (w.equals(flag) && i + 1 < words.size()) {
                return words.get(i + 1);
            }
        }
        return null;
    }
}
