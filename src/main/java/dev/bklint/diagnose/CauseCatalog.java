package dev.bklint.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The known causes, read from the cause files under {@code dev/bklint/diagnose/causes/}: the index names them
 * (a folder inside a jar cannot be listed), each file is one cause. The files ship with bklint, so a broken one is an
 * internal error that names the file.
 */
public final class CauseCatalog {
    static final String FOLDER = "/dev/bklint/diagnose/causes/";
    private static final Set<String> FIELDS = Set.of("id", "title", "role", "priority", "rule", "patterns", "where",
            "near", "unless-near", "points-at", "supersedes", "why", "note", "fix", "sources", "tests");
    /** Always optional; {@code why} and {@code fix} are required exactly when there is no rule to take them from. */
    private static final Set<String> OPTIONAL = Set.of("where", "near", "unless-near", "points-at", "supersedes",
            "why", "note", "fix");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern RULE = Pattern.compile("BK\\d{3}|none");
    private static volatile CauseCatalog loaded;

    private final List<Cause> causes;
    private final List<String> files;

    private CauseCatalog(List<Cause> causes, List<String> files) {
        this.causes = List.copyOf(causes);
        this.files = List.copyOf(files);
    }

    /** A cause file that is not what the format asks. */
    public static final class CauseFileError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CauseFileError(String file, String message) {
            super("cause file " + file + ": " + message);
        }
    }

    /** The catalogue that ships with bklint, read once. */
    public static CauseCatalog get() {
        CauseCatalog c = loaded;
        if (c == null) {
            c = load();
            loaded = c;
        }
        return c;
    }

    public List<Cause> causes() {
        return causes;
    }

    /** The file names the index lists, in its order. */
    public List<String> files() {
        return files;
    }

    private static CauseCatalog load() {
        List<String> names = new ArrayList<>();
        for (String line : resource("index.txt").split("\n", -1)) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        Map<String, Cause> byId = new LinkedHashMap<>();
        for (String name : names) {
            Cause c = parse(name, resource(name));
            byId.put(c.id(), c);
        }
        for (Cause c : byId.values()) {
            for (String s : c.supersedes()) {
                if (!byId.containsKey(s)) {
                    throw new CauseFileError(c.id() + ".yaml", "supersedes `" + s + "`, which no cause file defines");
                }
            }
        }
        return new CauseCatalog(new ArrayList<>(byId.values()), names);
    }

    private static String resource(String name) {
        try (InputStream in = CauseCatalog.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new CauseFileError(name, "missing from the resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CauseFileError(name, "unreadable: " + e.getMessage());
        }
    }

    /** Reads and checks one cause file; {@code name} is its file name. */
    public static Cause parse(String name, String text) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(text);
        } catch (RuntimeException e) {
            throw new CauseFileError(name, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new CauseFileError(name, "must be a mapping");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new CauseFileError(name, "unknown field `" + key + "`");
            }
        }
        for (String f : FIELDS) {
            if (!OPTIONAL.contains(f) && !map.containsKey(f)) {
                throw new CauseFileError(name, "missing field `" + f + "`");
            }
        }
        String id = string(name, map, "id");
        if (!ID.matcher(id).matches() || !name.equals(id + ".yaml")) {
            throw new CauseFileError(name, "id `" + id + "` must be lower-case words joined by - and the file name");
        }
        String title = string(name, map, "title");
        if (title.length() > 120) {
            throw new CauseFileError(name, "title longer than 120 characters");
        }
        String role = string(name, map, "role");
        if (!Cause.ROLES.contains(role)) {
            throw new CauseFileError(name, "role must be one of " + Cause.ROLES + ", not `" + role + "`");
        }
        if (!(map.get("priority") instanceof Integer priority) || priority < 0 || priority > 1000) {
            throw new CauseFileError(name, "priority must be a whole number from 0 to 1000");
        }
        String rule = string(name, map, "rule");
        if (!RULE.matcher(rule).matches()) {
            throw new CauseFileError(name, "rule must be a rule id (BKnnn) or none, not `" + rule + "`");
        }
        List<Pattern> patterns = patterns(name, map, "patterns");
        if (patterns.isEmpty()) {
            throw new CauseFileError(name, "patterns is empty");
        }
        Set<Section> where = EnumSet.noneOf(Section.class);
        for (String w : map.containsKey("where") ? strings(name, map, "where") : List.<String>of()) {
            Section section = Section.ofYamlName(w);
            if (section == null) {
                throw new CauseFileError(name, "where names `" + w + "`, which is not a section ("
                        + Arrays.stream(Section.values()).map(Section::yamlName).toList() + ")");
            }
            where.add(section);
        }
        String pointsAt = map.containsKey("points-at") ? string(name, map, "points-at") : null;
        if (pointsAt != null && !PointsAt.SELECTORS.contains(pointsAt)) {
            throw new CauseFileError(name, "points-at `" + pointsAt + "` is not one of " + PointsAt.SELECTORS);
        }
        List<String> sources = strings(name, map, "sources");
        if (sources.isEmpty() || !sources.stream().allMatch(s -> s.startsWith("https://"))) {
            throw new CauseFileError(name, "sources must list at least one https:// address");
        }
        if (!(map.get("tests") instanceof Map<?, ?> tests)) {
            throw new CauseFileError(name, "tests must be a mapping with match and no-match");
        }
        for (Object key : tests.keySet()) {
            if (!Set.of("match", "no-match").contains(String.valueOf(key))) {
                throw new CauseFileError(name, "unknown field `tests." + key + "`");
            }
        }
        List<String> match = strings(name, tests, "match");
        if (match.isEmpty()) {
            throw new CauseFileError(name, "tests.match is empty");
        }
        List<String> noMatch = tests.containsKey("no-match") ? strings(name, tests, "no-match") : List.of();
        List<String> supersedes = map.containsKey("supersedes") ? strings(name, map, "supersedes") : List.of();
        String note = map.containsKey("note") ? string(name, map, "note").strip() : "";
        String why;
        String fix;
        if (rule.equals("none")) {
            // Without a rule the file is the only place its explanation can live.
            if (map.containsKey("note")) {
                throw new CauseFileError(name, "`note` adds to a rule's rationale; without a rule, write `why`");
            }
            for (String own : List.of("why", "fix")) {
                if (!map.containsKey(own)) {
                    throw new CauseFileError(name, "missing field `" + own + "` (a cause without a rule explains "
                            + "itself)");
                }
            }
            why = string(name, map, "why").strip();
            fix = string(name, map, "fix").strip();
        } else {
            // With a rule, the explanation and fix are the rule's, so the lint finding and the diagnosis never drift.
            for (String own : List.of("why", "fix")) {
                if (map.containsKey(own)) {
                    throw new CauseFileError(name, "`" + own + "` comes from rule " + rule + "; say what the log "
                            + "adds in `note`");
                }
            }
            RuleMeta meta = RuleRegistry.get().find(rule);
            if (meta == null || !meta.id().equals(rule)) {
                throw new CauseFileError(name, "rule " + rule + " is not a bklint rule");
            }
            why = meta.rationale().strip();
            fix = meta.fix().strip();
        }
        return new Cause(id, title, role, priority, rule, patterns, where, patterns(name, map, "near"),
                patterns(name, map, "unless-near"), pointsAt, supersedes, why, note, fix, sources, match, noMatch);
    }

    private static List<Pattern> patterns(String name, Map<?, ?> map, String field) {
        List<Pattern> out = new ArrayList<>();
        if (map.containsKey(field)) {
            for (String p : strings(name, map, field)) {
                out.add(pattern(name, p));
            }
        }
        return out;
    }

    private static Pattern pattern(String name, String regex) {
        // A group with an unbounded quantifier inside that is itself repeated without bound ((a+)+, (.*)*): on a line
        // that almost matches it backtracks exponentially, and log lines are untrusted text.
        if (NestedQuantifiers.find(regex)) {
            throw new CauseFileError(name, "pattern `" + regex + "` repeats an unbounded group without bound, which "
                    + "can backtrack for ever on a long line");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CauseFileError(name, "pattern `" + regex + "` does not compile: " + e.getDescription());
        }
    }

    private static String string(String name, Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof String s) || s.isBlank()) {
            throw new CauseFileError(name, "`" + field + "` must be a non-empty string");
        }
        return s;
    }

    private static List<String> strings(String name, Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof List<?> list)) {
            throw new CauseFileError(name, "`" + field + "` must be a list");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new CauseFileError(name, "`" + field + "` must list strings");
            }
            out.add(s);
        }
        return out;
    }
}
