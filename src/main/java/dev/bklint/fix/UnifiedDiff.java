package dev.bklint.fix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code --diff}: the change {@code --fix} would make, as a unified diff ({@code diff -u}, 3 lines of context) that
 * {@code patch -p0} and {@code git apply} read. Lines keep their own line breaks, so a CRLF file's diff shows CRLF.
 * Myers' algorithm on the lines between the common head and tail: time and memory grow with that length times
 * the number of changed lines, which fixes keep small; past {@value #BUDGET} cells the middle is shown as one
 * change (still a correct diff, only a longer one), so no input makes it quadratic.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** The most cells of Myers' trace kept (4 bytes each): 16 MB. */
    static final long BUDGET = 4_000_000;

    private UnifiedDiff() {
    }

    /** Empty when the texts are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<int[]> ops = script(a, b);
        StringBuilder out = new StringBuilder("--- ").append(path).append("\n+++ ").append(path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // A hunk runs to the last change followed by more than twice the context of unchanged lines.
            for (int j = i, same = 0; j < ops.size(); j++) {
                same = ops.get(j)[0] == 0 ? same + 1 : 0;
                if (same == 0) {
                    end = j;
                }
                if (same > 2 * CONTEXT) {
                    break;
                }
            }
            end = Math.min(ops.size() - 1, end + CONTEXT);
            hunk(out, a, b, ops.subList(start, end + 1));
            i = end + 1;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<String> a, List<String> b, List<int[]> ops) {
        int aStart = ops.get(0)[1];
        int bStart = ops.get(0)[2];
        int aCount = 0;
        int bCount = 0;
        StringBuilder body = new StringBuilder();
        for (int[] op : ops) {
            String line = op[0] < 0 ? a.get(op[1]) : b.get(op[2]);
            body.append(op[0] < 0 ? '-' : op[0] > 0 ? '+' : ' ').append(line);
            if (!line.endsWith("\n")) {
                body.append("\n\\ No newline at end of file\n");
            }
            aCount += op[0] <= 0 ? 1 : 0;
            bCount += op[0] >= 0 ? 1 : 0;
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n")
                .append(body);
    }

    private static String range(int start, int count) {
        return (count == 0 ? start : start + 1) + (count == 1 ? "" : "," + count);
    }

    /** Lines with their line breaks. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    /**
     * The edit script as {kind, index in a, index in b}: kind 0 keeps a line, -1 deletes a's, +1 inserts b's. Each
     * entry names the position in both texts where it happens (for the hunk headers).
     */
    static List<int[]> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<int[]> ops = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            ops.add(new int[] {0, i, i});
        }
        List<int[]> middle = middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail));
        for (int[] op : middle) {
            ops.add(new int[] {op[0], op[1] + head, op[2] + head});
        }
        for (int i = tail; i > 0; i--) {
            ops.add(new int[] {0, a.size() - i, b.size() - i});
        }
        return ops;
    }

    /** Everything of {@code a} deleted, then everything of {@code b} inserted. */
    private static List<int[]> replaceAll(List<String> a, List<String> b) {
        List<int[]> ops = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ops.add(new int[] {-1, i, 0});
        }
        for (int j = 0; j < b.size(); j++) {
            ops.add(new int[] {1, a.size(), j});
        }
        return ops;
    }

    private static List<int[]> middle(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int[] v = new int[2 * max + 2];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            if ((long) (d + 1) * v.length > BUDGET) {
                return replaceAll(a, b);
            }
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[max + k - 1] < v[max + k + 1] ? v[max + k + 1] : v[max + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[max + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<int[]> ops = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] prev = trace.get(d);
            int k = x - y;
            boolean down = k == -d || k != d && prev[max + k - 1] < prev[max + k + 1];
            int pk = down ? k + 1 : k - 1;
            int px = prev[max + pk];
            int py = px - pk;
            while (x > (down ? px : px + 1) && y > (down ? py + 1 : py)) {
                ops.add(new int[] {0, --x, --y});
            }
            if (down) {
                ops.add(new int[] {1, x, --y});
            } else {
                ops.add(new int[] {-1, --x, y});
            }
        }
        while (x > 0 && y > 0) {
            ops.add(new int[] {0, --x, --y});
        }
        Collections.reverse(ops);
        return ops;
    }
}
