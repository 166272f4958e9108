package dev.bklint.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the valid words nearest by edit distance, ignoring letter case. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidates closest to {@code key}, sorted; empty when none is close enough. Letter case is ignored,
     * as the controller's decoder ignores it. Close enough: at most 1 edit for keys up to 4 characters, 2 up to 8,
     * 3 beyond; or a candidate that starts with the key (at least 5 characters, e.g. {@code seccomp} for
     * {@code seccompProfile}).
     */
    public static List<String> nearest(String key, Collection<String> candidates) {
        String k = key.toLowerCase(Locale.ROOT);
        int limit = k.length() <= 4 ? 1 : k.length() <= 8 ? 2 : 3;
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String c : candidates) {
            if (Math.abs(c.length() - k.length()) > limit) {
                continue; // the distance is at least the difference in length: no quadratic work on a long key
            }
            int d = distance(k, c.toLowerCase(Locale.ROOT));
            if (d > limit || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                found.clear();
            }
            found.add(c);
        }
        if (found.isEmpty() && k.length() >= 5) {
            for (String c : candidates) {
                if (c.toLowerCase(Locale.ROOT).startsWith(k)) {
                    found.add(c);
                }
            }
        }
        found.sort(null);
        return found;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The single nearest candidate, or null when none is close enough. */
    public static String closest(String word, Collection<String> candidates) {
        List<String> found = nearest(word, candidates);
        return found.isEmpty() ? null : found.get(0);
    }
}
