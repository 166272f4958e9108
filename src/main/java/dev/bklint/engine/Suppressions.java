package dev.bklint.engine;

import dev.bklint.report.Finding;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # bklint-ignore BKnnn[,BKnnn] reason} comments: on the line above a key, or at the end of its line, they
 * suppress those rules for that YAML node and everything under it; {@code # bklint-ignore-file} for the whole
 * file. Only real YAML comments count: a {@code #} inside a scalar (a command block, a quoted string) is text.
 */
public final class Suppressions {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "#\\s*bklint-ignore(-file)?\\s+((?:BK\\d{3})(?:\\s*,\\s*BK\\d{3})*)\\s*(.*)$");
    /** Text that every directive contains. */
    private static final String MARKER = "bklint-ignore";

    /** One suppression comment, where it applies, and whether it was used. */
    public static final class Suppression {
        private final List<String> rules;
        private final String reason;
        private final Span comment;
        private final Span scope;
        private boolean used;

        Suppression(List<String> rules, String reason, Span comment, Span scope) {
            this.rules = rules;
            this.reason = reason;
            this.comment = comment;
            this.scope = scope;
        }

        public List<String> rules() {
            return rules;
        }

        public String reason() {
            return reason;
        }

        public Span comment() {
            return comment;
        }

        /** Null for a whole-file suppression. */
        public Span scope() {
            return scope;
        }

        public boolean used() {
            return used;
        }

        boolean covers(Finding f) {
            if (!rules.contains(f.rule())) {
                return false;
            }
            return scope == null || scope.contains(Span.point(f.span().line(), f.span().column()));
        }
    }

    private final List<Suppression> all;

    private Suppressions(List<Suppression> all) {
        this.all = all;
    }

    public List<Suppression> all() {
        return all;
    }

    public static Suppressions find(SourceFile source, List<YamlDocument> documents) {
        List<Suppression> found = new ArrayList<>();
        // A directive is on a line that says bklint-ignore: only those lines are read, and only when there are
        // any are the spans of the YAML nodes collected.
        String all = source.text();
        int at = all.indexOf(MARKER);
        if (at < 0) {
            return new Suppressions(found);
        }
        List<Span> scalars = new ArrayList<>();
        List<Span> nodes = new ArrayList<>();
        for (YamlDocument d : documents) {
            collect(d.root(), scalars, nodes);
        }
        for (int previous = 0; at >= 0; at = all.indexOf(MARKER, at + MARKER.length())) {
            int line = source.lineOf(at);
            if (line == previous) {
                continue;
            }
            previous = line;
            String text = source.line(line);
            int hash = commentStart(text, line, scalars);
            if (hash < 0) {
                continue;
            }
            Matcher m = DIRECTIVE.matcher(text.substring(hash));
            if (!m.find() || m.start() != 0) {
                continue;
            }
            List<String> rules = List.of(m.group(2).replace(" ", "").split(","));
            Span comment = new Span(line, hash + 1, line, text.length() + 1);
            Span scope = null;
            if (m.group(1) == null) {
                boolean trailing = !text.substring(0, hash).isBlank();
                int target = trailing ? line : nextContentLine(source, line, scalars);
                scope = largestStartingOn(nodes, target);
                if (scope == null) {
                    continue;
                }
            }
            found.add(new Suppression(rules, m.group(3).strip(), comment, scope));
        }
        return new Suppressions(found);
    }

    /** Drops suppressed findings, marking the suppressions that did something. */
    public List<Finding> apply(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            boolean suppressed = false;
            for (Suppression s : all) {
                if (s.covers(f)) {
                    s.used = true;
                    suppressed = true;
                }
            }
            if (!suppressed) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** The column (0-based) of a comment's {@code #} on a line, or -1; a # inside a scalar is not a comment. */
    private static int commentStart(String text, int line, List<Span> scalars) {
        for (int i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
            if (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
                continue;
            }
            Span at = Span.point(line, i + 1);
            boolean inScalar = false;
            for (Span s : scalars) {
                if (s.contains(at) && !(s.endLine() == line && s.endColumn() == i + 1)) {
                    inScalar = true;
                    break;
                }
            }
            if (!inScalar) {
                return i;
            }
        }
        return -1;
    }

    private static int nextContentLine(SourceFile source, int line, List<Span> scalars) {
        for (int l = line + 1; l <= source.lineCount(); l++) {
            String t = source.line(l).strip();
            if (!t.isEmpty() && !(t.startsWith("#") && commentStart(source.line(l), l, scalars) >= 0)) {
                return l;
            }
        }
        return -1;
    }

    /** The widest node (an entry from its key, or a list item) that starts on a line, leftmost first. */
    private static Span largestStartingOn(List<Span> nodes, int line) {
        Span best = null;
        for (Span s : nodes) {
            if (s.line() != line) {
                continue;
            }
            if (best == null || s.column() < best.column() || s.column() == best.column() && endsAfter(s, best)) {
                best = s;
            }
        }
        return best;
    }

    private static boolean endsAfter(Span a, Span b) {
        return a.endLine() > b.endLine() || a.endLine() == b.endLine() && a.endColumn() > b.endColumn();
    }

    private static void collect(YNode node, List<Span> scalars, List<Span> nodes) {
        if (node == null || node.via() != null) {
            return; // alias copies repeat what is written elsewhere
        }
        if (node instanceof YScalar) {
            scalars.add(node.span());
            nodes.add(node.span());
        } else if (node instanceof YSeq seq) {
            for (YNode item : seq.items()) {
                nodes.add(item.span());
                collect(item, scalars, nodes);
            }
        } else if (node instanceof YMap map) {
            for (YEntry e : map.entries()) {
                if (e.merged()) {
                    continue;
                }
                Span k = e.key().span();
                Span v = e.value().span();
                nodes.add(new Span(k.line(), k.column(), v.endLine(), v.endColumn()));
                collect(e.key(), scalars, nodes);
                collect(e.value(), scalars, nodes);
            }
        }
    }
}
