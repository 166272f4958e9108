package dev.bklint.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One agent-stack-k8s failure table (go-pretty), read into logical rows. The controller prints it boxed
 * ({@code ╭ │ ╰}, the "rounded" style of pod_watcher.go) or, in some versions and pastes, without borders, columns
 * aligned under an upper-case header. go-pretty soft-wraps a long cell over several physical rows whose other
 * cells are blank, and moves a word longer than the column to a row of its own before cutting it (research §8.9):
 * a row whose first cell is blank continues the previous one, and a cut word is joined back without a space. (A cut
 * word whose last piece fills its column exactly cannot be told from one followed by a new word; it is glued to the
 * next word, a known limit of reading the table back.)
 *
 * <p>Only the row being joined is held, capped at {@link LogReader#LINE_CAP} characters per cell.
 */
final class ControllerTable {
    private static final Pattern UNBOXED_HEADER = Pattern.compile("^ *[A-Z][A-Z]*(?: [A-Z]+)*(?: {2,}[A-Z]+(?: [A-Z]+)*){2,}\\s*$");
    private static final Pattern COLUMN = Pattern.compile("[A-Z]+(?: [A-Z]+)*");

    /** A logical row: its first physical line and its cells, soft-wrapped parts joined. */
    record Row(LogLine first, List<String> cells) {
        String text() {
            return String.join(" \u2502 ", cells.stream().filter(c -> !c.isEmpty()).toList());
        }
    }

    private final boolean boxed;
    private final int[] starts;
    private LogLine first;
    private List<StringBuilder> cells;
    private List<Boolean> cutWord;
    private boolean ended;
    /** Unboxed, the last column has no right edge: the longest text seen in it so far stands for its width. */
    private int lastWidth;

    private ControllerTable(boolean boxed, int[] starts) {
        this.boxed = boxed;
        this.starts = starts;
    }

    /** A table starting at this line (its top border or, unboxed, its header), or null. */
    static ControllerTable startingAt(String text) {
        if (text.startsWith("\u256D")) {
            return new ControllerTable(true, new int[0]);
        }
        if (text.length() < 400 && UNBOXED_HEADER.matcher(text).matches()
                && (text.contains("REASON") || text.contains("MESSAGE") || text.contains("CONTAINER"))) {
            List<Integer> at = new ArrayList<>();
            Matcher m = COLUMN.matcher(text);
            while (m.find()) {
                at.add(m.start());
            }
            return new ControllerTable(false, at.stream().mapToInt(Integer::intValue).toArray());
        }
        return null;
    }

    /**
     * Feeds the next line; completed rows go to {@code out}. Returns false when the line is not part of the table
     * (the table has ended; the caller reads the line as usual).
     */
    boolean accept(LogLine line, Consumer<Row> out) {
        if (ended) {
            return false;
        }
        String t = line.text();
        if (boxed) {
            if (t.startsWith("\u256D") || t.startsWith("\u251C")) {
                return true; // a border or the rule under the header
            }
            if (t.startsWith("\u2570")) {
                finish(out);
                ended = true;
                return true;
            }
            if (!t.startsWith("\u2502")) {
                finish(out);
                ended = true;
                return false;
            }
            String inner = t.endsWith("\u2502") && t.length() > 1 ? t.substring(1, t.length() - 1) : t.substring(1);
            String[] raw = inner.split("\u2502", -1);
            List<String> parts = new ArrayList<>(raw.length);
            List<Integer> widths = new ArrayList<>(raw.length);
            for (String r : raw) {
                parts.add(r.strip());
                widths.add(Math.max(0, r.length() - 2));
            }
            row(line, parts, widths, out);
            return true;
        }
        if (t.isBlank()) {
            finish(out);
            ended = true;
            return false;
        }
        List<String> parts = split(t);
        if (!parts.isEmpty()) {
            lastWidth = Math.max(lastWidth, parts.get(parts.size() - 1).length());
        }
        row(line, parts, widths(), out);
        return true;
    }

    private List<String> split(String t) {
        List<String> parts = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            int from = Math.min(starts[i], t.length());
            int to = i + 1 < starts.length ? Math.min(starts[i + 1], t.length()) : t.length();
            parts.add(t.substring(from, to).strip());
        }
        return parts;
    }

    private List<Integer> widths() {
        List<Integer> w = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            w.add(i + 1 < starts.length ? starts[i + 1] - starts[i] - 2 : lastWidth);
        }
        return w;
    }

    private void row(LogLine line, List<String> parts, List<Integer> widths, Consumer<Row> out) {
        boolean continues = cells != null && !parts.isEmpty() && parts.get(0).isEmpty();
        if (!continues) {
            finish(out);
            first = line;
            cells = new ArrayList<>();
            cutWord = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                cells.add(new StringBuilder(parts.get(i)));
                cutWord.add(filledByOneWord(parts.get(i), widths.get(i)));
            }
            return;
        }
        for (int i = 0; i < parts.size() && i < cells.size(); i++) {
            String p = parts.get(i);
            if (p.isEmpty()) {
                continue;
            }
            StringBuilder c = cells.get(i);
            if (c.length() > 0 && !cutWord.get(i)) {
                c.append(' ');
            }
            if (c.length() + p.length() <= LogReader.LINE_CAP) {
                c.append(p);
            }
            cutWord.set(i, filledByOneWord(p, widths.get(i)));
        }
    }

    /** A part with no space that fills its column is a word go-pretty cut: the next part goes on without a space. */
    private static boolean filledByOneWord(String part, int width) {
        return !part.isEmpty() && part.length() >= width && part.indexOf(' ') < 0;
    }

    /** Hands on the row being joined, if any. */
    void finish(Consumer<Row> out) {
        if (cells != null) {
            out.accept(new Row(first, cells.stream().map(StringBuilder::toString).toList()));
            cells = null;
            first = null;
        }
    }

    /** The index of the column whose header starts with {@code name} (CONTAINER, IMAGE), or -1. */
    static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toUpperCase(Locale.ROOT).startsWith(name)) {
                return i;
            }
        }
        return -1;
    }
}
