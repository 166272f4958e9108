package dev.bklint.pipeline;

import dev.bklint.source.Span;
import dev.bklint.yaml.ScalarPositions;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shell script as Buildkite runs it (a {@code command} string, or a {@code commands} list joined with
 * newlines), able to map offsets in the script back to spans in the YAML source.
 */
public final class CommandText {
    private final List<YScalar> pieces;
    private final List<Integer> starts = new ArrayList<>();
    private final ScalarPositions[] maps;
    /** Per piece written quoted: the value offset of each of its script characters; null for a piece as written. */
    private final int[][] toValue;
    /** Per piece: its length in the script. */
    private final int[] lengths;
    private final String text;
    private final YNode node;
    /** Offsets of quotes and backslashes in {@link #text}, found on first use. */
    private int[] quoteOffsets;

    private CommandText(YNode node, List<YScalar> pieces, int lineBreaks) {
        this(node, pieces, separators(pieces.size(), lineBreaks), new boolean[pieces.size()]);
    }

    /**
     * Pieces joined with {@code separators[i]} before piece i (i > 0); a {@code quoted} piece is written as
     * go-shellquote writes it, so the script holds exactly the text the controller builds.
     */
    private CommandText(YNode node, List<YScalar> pieces, char[] separators, boolean[] quoted) {
        this.node = node;
        this.pieces = pieces;
        this.maps = new ScalarPositions[pieces.size()];
        this.toValue = new int[pieces.size()][];
        this.lengths = new int[pieces.size()];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                b.append(separators[i]);
            }
            starts.add(b.length());
            String value = pieces.get(i).value();
            if (quoted[i]) {
                ShellQuote.Quoted q = ShellQuote.quote(value);
                b.append(q.text());
                toValue[i] = q.toValue();
                lengths[i] = q.text().length();
            } else {
                b.append(value);
                lengths[i] = value.length();
            }
        }
        this.text = b.toString();
    }

    private static char[] separators(int count, int lineBreaks) {
        char[] separators = new char[count];
        for (int i = 1; i < count; i++) {
            separators[i] = i < lineBreaks ? '\n' : ' ';
        }
        return separators;
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
        return ofContainer(Interposer.BUILDKITE, command, args);
    }

    /**
     * A command container's {@code command} and {@code args} as {@code interposer} makes them into
     * {@code BUILDKITE_COMMAND} (buildkite/agent-stack-k8s@a5d56d1 internal/controller/config/command_params.go:39-51):
     * buildkite joins the command items with newlines and appends {@code " " + shellquote.Join(args)} to the last
     * line; vector is {@code shellquote.Join(command + args)}; legacy joins both with spaces, unquoted.
     */
    public static CommandText ofContainer(Interposer interposer, YNode command, YNode args) {
        List<YScalar> pieces = new ArrayList<>();
        scalars(command, pieces);
        int commandItems = pieces.size();
        scalars(args, pieces);
        if (pieces.isEmpty()) {
            return null;
        }
        CommandText shellScript = shellScript(interposer, command, pieces, commandItems);
        if (shellScript != null) {
            return shellScript;
        }
        char[] separators = new char[pieces.size()];
        boolean[] quoted = new boolean[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            boolean isArg = i >= commandItems;
            separators[i] = interposer == Interposer.BUILDKITE && !isArg ? '\n' : ' ';
            quoted[i] = interposer == Interposer.VECTOR || interposer == Interposer.BUILDKITE && isArg;
        }
        return new CommandText(command != null ? command : args, pieces, separators, quoted);
    }

    /**
     * A line that is {@code sh -c SCRIPT} runs SCRIPT, so SCRIPT is what is read (as {@link #ofExec} does): under
     * vector when the whole list is that line, under buildkite when the last command item is the shell and the
     * args start with {@code -c} (the earlier items stay lines of their own). Under legacy the script is unquoted
     * and split, so it is not unwrapped. Null when the command is no such line.
     */
    private static CommandText shellScript(Interposer interposer, YNode command, List<YScalar> pieces,
                                           int commandItems) {
        int shell = interposer == Interposer.VECTOR ? 0 : interposer == Interposer.BUILDKITE ? commandItems - 1 : -1;
        if (shell < 0 || pieces.size() < shell + 3 || !isShell(pieces.get(shell).value())
                || !pieces.get(shell + 1).value().matches("-[a-z]*c")
                || interposer == Interposer.BUILDKITE && shell + 1 != commandItems) {
            return null;
        }
        if (shell == 0) {
            return of(pieces.get(2));
        }
        List<YScalar> lines = new ArrayList<>(pieces.subList(0, shell));
        lines.add(pieces.get(shell + 2));
        return new CommandText(command, lines, lines.size());
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
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
            }
            quoteOffsets = Arrays.copyOf(found, n);
        }
        int i = Arrays.binarySearch(quoteOffsets, start);
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
        int from = map.at(valueOffset(i, start - starts.get(i)));
        int to = end <= start ? from : map.at(valueOffset(i, end - 1 - starts.get(i))) + 1;
        if (to < from) {
            to = from;
        }
        return pieces.get(i).source().spanOf(from, to);
    }

    /** The offset in piece i's value of its script character {@code offset}, clamped to the piece. */
    private int valueOffset(int i, int offset) {
        int len = pieces.get(i).value().length();
        if (toValue[i] == null) {
            return clamp(offset, len);
        }
        return offset >= lengths[i] ? len : toValue[i][Math.max(0, offset)];
    }

    /** Where {@code piece} starts in the script; -1 when it is not one of its pieces. */
    public int startOf(YScalar piece) {
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) == piece) {
                return starts.get(i);
            }
        }
        return -1;
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
