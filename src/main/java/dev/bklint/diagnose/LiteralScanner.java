package dev.bklint.diagnose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * Finds which of many literals a text contains in one pass over it (Aho-Corasick): the work is the text's length
 * whatever the number of literals, where one {@code indexOf} per literal would read each line once per pattern.
 * Immutable once built, so one scanner may serve several threads.
 */
final class LiteralScanner {
    /** Characters below this take the table; the rest (rare in log text and literals) follow the trie's links. */
    private static final int TABLE = 128;

    /** For a state and a character below {@link #TABLE}: the next state. */
    private final int[] next;
    /** For each state: the ids of the literals that end there, directly or through its failure links. */
    private final int[][] ends;
    /** For each state: its children by characters from {@link #TABLE} up, and where to fall back. */
    private final List<Map<Character, Integer>> wide;
    private final int[] fail;

    /** {@code literals.get(id)} is literal {@code id}; none may be empty. */
    LiteralScanner(List<String> literals) {
        List<Map<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> endsAt = new ArrayList<>();
        children.add(new HashMap<>());
        endsAt.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("an empty literal is in every text");
            }
            int s = 0;
            for (int k = 0; k < literal.length(); k++) {
                Integer child = children.get(s).get(literal.charAt(k));
                if (child == null) {
                    child = children.size();
                    children.add(new HashMap<>());
                    endsAt.add(new ArrayList<>());
                    children.get(s).put(literal.charAt(k), child);
                }
                s = child;
            }
            endsAt.get(s).add(id);
        }
        int states = children.size();
        fail = new int[states];
        next = new int[states * TABLE];
        // Breadth first, so that a state's failure state is complete before the state itself.
        Queue<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.remove();
            for (Map.Entry<Character, Integer> e : children.get(s).entrySet()) {
                int child = e.getValue();
                fail[child] = s == 0 ? 0 : step(children, fail[s], e.getKey());
                endsAt.get(child).addAll(endsAt.get(fail[child]));
                queue.add(child);
            }
            for (char c = 0; c < TABLE; c++) {
                Integer child = children.get(s).get(c);
                next[s * TABLE + c] = child != null ? child : s == 0 ? 0 : next[fail[s] * TABLE + c];
            }
        }
        ends = new int[states][];
        wide = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            ends[s] = endsAt.get(s).stream().distinct().mapToInt(Integer::intValue).toArray();
            Map<Character, Integer> w = new HashMap<>();
            children.get(s).forEach((c, child) -> {
                if (c >= TABLE) {
                    w.put(c, child);
                }
            });
            wide.add(w.isEmpty() ? Map.of() : Map.copyOf(w));
        }
    }

    /** From {@code s}, the state after reading {@code c}, following failure links while building. */
    private int step(List<Map<Character, Integer>> children, int s, char c) {
        int at = s;
        while (true) {
            Integer child = children.get(at).get(c);
            if (child != null) {
                return child;
            }
            if (at == 0) {
                return 0;
            }
            at = fail[at];
        }
    }

    /** The ids of the literals {@code text} contains, each once, in no set order; an empty array when none. */
    int[] find(CharSequence text) {
        int[] found = null;
        int count = 0;
        int s = 0;
        for (int k = 0, n = text.length(); k < n; k++) {
            char c = text.charAt(k);
            s = c < TABLE ? next[s * TABLE + c] : wideStep(s, c);
            int[] here = ends[s];
            if (here.length > 0) {
                if (found == null) {
                    found = new int[4];
                }
                for (int id : here) {
                    if (!contains(found, count, id)) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = id;
                    }
                }
            }
        }
        return found == null ? EMPTY : Arrays.copyOf(found, count);
    }

    private static final int[] EMPTY = new int[0];

    private static boolean contains(int[] a, int count, int id) {
        for (int k = 0; k < count; k++) {
            if (a[k] == id) {
                return true;
            }
        }
        return false;
    }

    private int wideStep(int s, char c) {
        int at = s;
        while (true) {
            Integer child = wide.get(at).get(c);
            if (child != null) {
                return child;
            }
            if (at == 0) {
                return 0;
            }
            at = fail[at];
        }
    }
}
