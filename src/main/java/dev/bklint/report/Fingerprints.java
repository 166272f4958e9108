package dev.bklint.report;

import dev.bklint.finding.Finding;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import dev.bklint.source.Span;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fingerprints that identify a finding across commits without its line number, so that moving a finding to
 * another line (a comment added above it, a step inserted before it) keeps it the same finding.
 *
 * <p>A fingerprint is the SHA-256 of the rule id, the YAML path of the innermost node holding the finding (sequence
 * items named by their {@code key}, {@code name}, {@code id}, {@code label} or {@code mountPath} when they have
 * one, else by index) and the finding's source text with runs of whitespace collapsed, followed by {@code :n},
 * the occurrence of that hash in its file (1 for the first), which tells identical findings apart.
 */
public final class Fingerprints {
    /** The name under which bklint's fingerprint appears in SARIF {@code partialFingerprints}. */
    public static final String KEY = "bklint/v1";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final List<String> ITEM_NAMES = List.of("key", "name", "id", "label", "mountPath");

    private Fingerprints() {
    }

    /** What a fingerprint is computed from: the YAML path and the normalised source text of the span. */
    public record Context(String yamlPath, String text) {
    }

    /** The fingerprint of each finding, in the same order. */
    public static List<String> of(List<Finding> findings, Map<String, SourceFile> sources) {
        Map<String, Loaded> files = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Loaded file = files.computeIfAbsent(f.path(), p -> Loaded.of(p, sources.get(p)));
            String hash = hash(f.rule(), context(f.span(), file.source, file.documents));
            int n = seen.merge(f.path() + "\u0000" + hash, 1, Integer::sum);
            out.add(hash + ":" + n);
        }
        return out;
    }

    /** The YAML path and the normalised text of each finding, in the same order (for reports that name them). */
    public static List<Context> contexts(List<Finding> findings, Map<String, SourceFile> sources) {
        Map<String, Loaded> files = new HashMap<>();
        List<Context> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Loaded file = files.computeIfAbsent(f.path(), p -> Loaded.of(p, sources.get(p)));
            out.add(context(f.span(), file.source, file.documents));
        }
        return out;
    }

    static String hash(String rule, Context context) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((rule + "\u0000" + context.yamlPath() + "\u0000" + context.text())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static Context context(Span span, SourceFile source, List<YamlDocument> documents) {
        return new Context(yamlPath(span, documents), text(span, source));
    }

    /** The source text of the span with runs of whitespace collapsed; the span's line when the span is empty. */
    static String text(Span span, SourceFile source) {
        if (source == null) {
            return "";
        }
        int start = source.offset(span.line(), span.column());
        int end = source.offset(span.endLine(), span.endColumn());
        String raw = end > start ? source.text().substring(start, end) : source.line(span.line());
        return WHITESPACE.matcher(raw).replaceAll(" ").strip();
    }

    /** {@code $.steps[key=build].plugins[0].kubernetes...}: where in the YAML the span lies; "" when unknown. */
    static String yamlPath(Span span, List<YamlDocument> documents) {
        for (YamlDocument d : documents) {
            if (d.root() != null && d.root().via() == null && d.root().span().contains(span)) {
                StringBuilder b = new StringBuilder("$");
                if (documents.size() > 1) {
                    b.append('{').append(d.index()).append('}');
                }
                descend(d.root(), span, b);
                return b.toString();
            }
        }
        return "";
    }

    private static void descend(YNode node, Span span, StringBuilder b) {
        YNode current = node;
        while (current != null) {
            YNode next = null;
            if (current instanceof YMap map) {
                for (YEntry e : map.entries()) {
                    if (e.merged() || e.key().via() != null || e.value().via() != null) {
                        continue;
                    }
                    if (e.key().span().contains(span) || e.value().span().contains(span)) {
                        key(b, e.keyText() == null ? "?" + e.key().kindName() : e.keyText());
                        next = e.key().span().contains(span) ? null : e.value();
                        break;
                    }
                }
            } else if (current instanceof YSeq seq) {
                List<YNode> items = seq.items();
                for (int i = 0; i < items.size(); i++) {
                    YNode item = items.get(i);
                    if (item.via() == null && item.span().contains(span)) {
                        b.append('[').append(itemName(item, i)).append(']');
                        next = item;
                        break;
                    }
                }
            }
            current = next;
        }
    }

    private static void key(StringBuilder b, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            b.append('.').append(key);
        } else {
            b.append('[').append(quote(key)).append(']');
        }
    }

    private static String itemName(YNode item, int index) {
        if (item instanceof YMap map) {
            for (String k : ITEM_NAMES) {
                YScalar s = map.getScalar(k);
                if (s != null && !s.isNull()) {
                    return k + "=" + (PLAIN_KEY.matcher(s.value()).matches() ? s.value() : quote(s.value()));
                }
            }
        }
        return String.valueOf(index);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A file no input names, such as the controller configuration a finding points into; null if unreadable. */
    static SourceFile read(String path) {
        try {
            return SourceReader.read(Path.of(path), path);
        } catch (InputError | InvalidPathException e) {
            return null;
        }
    }

    /** A file's text and documents; a file no input names (a controller configuration) is read on demand. */
    private record Loaded(SourceFile source, List<YamlDocument> documents) {
        static Loaded of(String path, SourceFile known) {
            SourceFile source = known != null ? known : read(path);
            if (source == null) {
                return new Loaded(null, List.of());
            }
            try {
                return new Loaded(source, YamlLoader.load(source));
            } catch (YamlSyntaxError | RuntimeException e) {
                return new Loaded(source, List.of());
            }
        }
    }
}
