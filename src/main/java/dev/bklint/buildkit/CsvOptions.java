package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A buildctl CSV option value such as {@code type=image,"name=a,b",push=true}, read the way buildctl
 * reads it: one record of Go's encoding/csv, each field split at its first {@code =}, key lower-cased.
 *
 * <p>Where Go's reader would fail (a stray quote), the text is kept literally instead, so a linter still
 * sees what was written. Empty fields are skipped.
 */
public final class CsvOptions {

    /**
     * One {@code key=value} field.
     *
     * @param key    lower-cased key, not trimmed (buildctl does not trim either)
     * @param value  the value, or null when the field has no {@code =}
     * @param offset char offset in the CSV text where the value starts, or where the key starts without a value
     */
    public record Entry(String key, String value, int offset) {
    }

    private final List<Entry> entries;

    private CsvOptions(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static CsvOptions parse(String csv) {
        List<Entry> entries = new ArrayList<>();
        if (csv == null) {
            return new CsvOptions(entries);
        }
        int i = 0;
        int n = csv.length();
        StringBuilder field = new StringBuilder();
        // The offset in csv of each character of the field (a field is never longer than csv).
        int[] offsets = new int[n];
        while (i <= n) {
            field.setLength(0);
            i = readField(csv, i, field, offsets);
            if (field.length() > 0) {
                entries.add(entry(field.toString(), offsets));
            }
            i++; // past the comma (or past the end, which ends the loop)
        }
        return new CsvOptions(entries);
    }

    /**
     * Reads one field starting at {@code i} into {@code field}, and where each of its characters is written into
     * {@code offsets}; returns the index of the ending comma or n.
     */
    private static int readField(String csv, int i, StringBuilder field, int[] offsets) {
        int n = csv.length();
        boolean quoted = i < n && csv.charAt(i) == '"';
        if (quoted) {
            i++;
            while (i < n) {
                char c = csv.charAt(i);
                if (c == '"' && i + 1 < n && csv.charAt(i + 1) == '"') {
                    offsets[field.length()] = i + 1;
                    field.append('"');
                    i += 2;
                } else if (c == '"') {
                    i++;
                    break;
                } else {
                    offsets[field.length()] = i;
                    field.append(c);
                    i++;
                }
            }
        }
        while (i < n && csv.charAt(i) != ',') {
            offsets[field.length()] = i;
            field.append(csv.charAt(i));
            i++;
        }
        return i;
    }

    private static Entry entry(String field, int[] offsets) {
        int eq = field.indexOf('=');
        if (eq < 0) {
            return new Entry(field.toLowerCase(Locale.ROOT), null, offsets[0]);
        }
        int valueOffset = eq + 1 < field.length() ? offsets[eq + 1] : offsets[eq] + 1;
        return new Entry(field.substring(0, eq).toLowerCase(Locale.ROOT), field.substring(eq + 1), valueOffset);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The value of the last field with {@code key} (compared lower-cased), or null. */
    public String get(String key) {
        Entry entry = entry(key);
        return entry == null ? null : entry.value();
    }

    public boolean has(String key) {
        return entry(key) != null;
    }

    /** The last field with {@code key} (compared lower-cased), or null. */
    public Entry entry(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.key().equals(wanted)) {
                found = entry;
            }
        }
        return found;
    }
}
