package dev.bklint.pipeline;

import dev.bklint.source.Span;
import dev.bklint.yaml.ScalarPositions;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell script as Buildkite runs it (a {@code command} string, or a {@code commands} list joined with
 * newlines), able to map offsets in the script back to spans in the YAML source.
 */
public final class CommandText {
    private final List<YScalar> pieces;
    private final List<Integer> starts = new ArrayList<>();
    private final ScalarPositions[] maps;
    private final String text;
    private final YNode node;
    /** Offsets of quotes and backslashes in {@link #text}, found on first use. */
    private int[] quoteOffsets;

    private CommandText(YNode node, List<YScalar> pieces, int lineBreaks) {
        this.node = node;
        this.pieces = pieces;
        this.maps = new ScalarPositions[pieces.size()];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                b.append(i < lineBreaks ? '\n' : ' ');
            }
            starts.add(b.length());
            b.append(pieces.get(i).value());
        }
        this.text = b.toString();
    }

    /** A command from a scalar or a list of scalars; null when the node holds no command text. */
    public static CommandText of(YNode node) {
        List<YScalar> pieces = new ArrayList<>();
        scalars(node, pieces);
        return pieces.isEmpty() ? null : new CommandText(node, pieces, pieces.size());
    }

    /**
     * A container's {@code command} and {@code args} as the controller's default (buildkite) interposer runs
     * them: command entries joined with newlines, args appended to the last line.
     */
    public static CommandText ofContainer(YNode command, YNode args) {
        List<YScalar> pieces = new ArrayList<>();
        scalars(command, pieces);
        int lines = pieces.size();
        scalars(args, pieces);
        return pieces.isEmpty() ? null : new CommandText(command, pieces, lines);
    }

    /**
     * A container that the controller does not interpose (a sidecar, or one a patch adds) runs {@code command}
     * and {@code args} as one argument vector: one command line. {@code sh -c SCRIPT} runs SCRIPT.
     */
    public static CommandText ofExec(YNode command, YNode args) {
        List<YScalar> pieces = new ArrayList<>();
        scalars(command, pieces);
        scalars(args, pieces);
        if (pieces.size() >= 3 && isShell(pieces.get(0).value()) && pieces.get(1).value().matches("-[a-z]*c")) {
            return of(pieces.get(2));
        }
        return pieces.isEmpty() ? null
                : new CommandText(command != null ? command : args, pieces, 1);
    }

    private static boolean isShell(String program) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        return name.equals("sh") || name.equals("bash") || name.equals("ash") || name.equals("dash");
    }

    private static void scalars(YNode node, List<YScalar> into) {
        if (node instanceof YScalar s && !s.isNull()) {
            into.add(s);
        } else if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                if (item instanceof YScalar s && !s.isNull()) {
                    into.add(s);
                }
            }
        }
    }

    public String text() {
        return text;
    }

    /**
     * True when script characters [start, end) hold a quote or a backslash. Asked once per CSV entry of a long
     * flag value, so it looks the answer up in the sorted offsets of those characters instead of rescanning.
     */
    public boolean quotesOrEscapesIn(int start, int end) {
        if (quoteOffsets == null) {
            int[] found = new int[16];
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'' || c == '\\') {
                    if (n == found.length) {
                        found = java.util.Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
            }
            quoteOffsets = java.util.Arrays.copyOf(found, n);
        }
        int i = java.util.Arrays.binarySearch(quoteOffsets, start);
        int first = i >= 0 ? i : -i - 1;
        return first < quoteOffsets.length && quoteOffsets[first] < end;
    }

    /** The node the command was read from (a scalar or a list). */
    public YNode node() {
        return node;
    }

    /** The source span of script characters [start, end). */
    public Span span(int start, int end) {
        int i = pieceAt(start);
        ScalarPositions map = map(i);
        int base = starts.get(i);
        int len = pieces.get(i).value().length();
        int from = map.at(clamp(start - base, len));
        int to = end <= start ? from : map.at(clamp(end - 1 - base, len)) + 1;
        if (to < from) {
            to = from;
        }
        return pieces.get(i).source().spanOf(from, to);
    }

    /** The scalar that holds script offset {@code offset}. */
    public YScalar pieceHolding(int offset) {
        return pieces.get(pieceAt(offset));
    }

    /** Binary search: a {@code commands} list can have thousands of pieces and a finding on each. */
    private int pieceAt(int offset) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private ScalarPositions map(int i) {
        if (maps[i] == null) {
            maps[i] = ScalarPositions.of(pieces.get(i).source(), pieces.get(i));
        }
        return maps[i];
    }

    private static int clamp(int v, int len) {
        return Math.max(0, Math.min(v, len));
    }
}
