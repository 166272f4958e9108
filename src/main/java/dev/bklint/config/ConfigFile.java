package dev.bklint.config;

import dev.bklint.source.ReportPaths;
import dev.bklint.source.Glob;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import dev.bklint.source.Span;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .bklint.yaml}: found by walking up from the working directory to the repository root, or named with
 * {@code --config}. It is checked against the schema shipped in the jar; a wrong key or value is an error with
 * its position.
 *
 * <p>A configuration is usually committed, so a pull request can change it: the files it names
 * ({@code controller-config}, {@code project-dir}) must lie inside its {@code checkout} (the repository that holds
 * it, else its folder), links followed; a found configuration must itself resolve inside its repository.
 */
public record ConfigFile(Path path, String kubernetesVersion, String podSecurityLevel, String failOn,
                         Path controllerConfig, Path projectDir, Map<String, String> rules, List<String> ignore,
                         Map<String, List<String>> ignoreByRule, Path checkout, Map<String, Span> ruleKeys) {
    public static final List<String> NAMES = List.of(".bklint.yaml", ".bklint.yml");

    /**
     * The nearest config file from {@code start} up to the repository root (a folder with {@code .git}), or null.
     * Both spellings in one folder are an error: picking one would silently ignore the other's settings.
     */
    public static Path discover(Path start) throws ConfigError {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path found = null;
            for (String name : NAMES) {
                Path candidate = dir.resolve(name);
                // Any entry by that name, so a FIFO or a link out is refused with a reason, not passed over.
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    if (found != null) {
                        throw new ConfigError(dir + ": both " + String.join(" and ", NAMES) + "; keep one");
                    }
                    found = candidate;
                }
            }
            if (found != null) {
                return found;
            }
            if (Files.exists(dir.resolve(".git"))) {
                return null;
            }
        }
        return null;
    }

    /** A configuration named on the command line: read wherever it is. */
    public static ConfigFile load(Path path) throws ConfigError {
        return load(path, false);
    }

    /** A configuration found by {@link #discover}: read only when it resolves inside its repository. */
    public static ConfigFile loadFound(Path path) throws ConfigError {
        return load(path, true);
    }

    private static ConfigFile load(Path path, boolean found) throws ConfigError {
        Path checkout = ReportPaths.repositoryRoot(path.toAbsolutePath().normalize().getParent());
        SourceFile source;
        try {
            source = found ? SourceReader.readInside(path, checkout, path.toString())
                    : SourceReader.read(path, path.toString());
        } catch (InputError e) {
            throw new ConfigError(e.getMessage());
        }
        return parse(path, source, checkout);
    }

    /**
     * A configuration's text as an editor holds it (not yet saved): checked as a file at {@code path} would be.
     * Paths it names are resolved from {@code path}'s folder and must stay inside that folder's checkout.
     */
    public static ConfigFile parse(Path path, SourceFile source) throws ConfigError {
        return parse(path, source, ReportPaths.repositoryRoot(path.toAbsolutePath().normalize().getParent()));
    }

    private static ConfigFile parse(Path path, SourceFile source, Path checkout) throws ConfigError {
        YNode root;
        try {
            List<YamlDocument> docs = YamlLoader.load(source);
            root = docs.isEmpty() ? null : docs.get(0).root();
        } catch (YamlSyntaxError e) {
            throw new ConfigError(path, e.span(), e.getMessage());
        }
        if (root == null) {
            return new ConfigFile(path, null, null, null, null, null, Map.of(), List.of(), Map.of(), checkout, Map.of());
        }
        ConfigSchema.check(path, root);
        YMap map = root.asMap();
        Path base = path.toAbsolutePath().getParent();
        Map<String, String> rules = new LinkedHashMap<>();
        Map<String, Span> ruleKeys = new LinkedHashMap<>();
        YMap rulesMap = map.getMap("rules");
        if (rulesMap != null) {
            for (YEntry e : rulesMap.entries()) {
                rules.put(e.keyText(), e.value().asScalar().value());
                ruleKeys.putIfAbsent("rules\0" + e.keyText(), e.key().span());
            }
        }
        List<String> ignore = new ArrayList<>();
        Map<String, List<String>> ignoreByRule = new LinkedHashMap<>();
        YNode ignoreNode = map.get("ignore");
        if (ignoreNode instanceof YSeq seq) {
            // One list may hold both forms: globs for every rule, and mappings from rule to globs.
            ignore.addAll(globs(path, seq, "ignore"));
            for (YNode item : seq.items()) {
                if (item instanceof YMap byRule) {
                    byRule(path, byRule, ignoreByRule, ruleKeys);
                }
            }
        } else if (ignoreNode instanceof YMap byRule) {
            byRule(path, byRule, ignoreByRule, ruleKeys);
        }
        return new ConfigFile(path, map.string("kubernetes-version"), map.string("pod-security-level"),
                map.string("fail-on"), inside(path, map, "controller-config", base, checkout, false),
                inside(path, map, "project-dir", base, checkout, true), rules, ignore, ignoreByRule, checkout, ruleKeys);
    }

    /** An ignore mapping from rule to globs, added to {@code into}; each rule key's position kept. */
    private static void byRule(Path config, YMap byRule, Map<String, List<String>> into, Map<String, Span> keys)
            throws ConfigError {
        for (YEntry e : byRule.entries()) {
            List<String> globs = globs(config, e.value().asSeq(), "ignore." + e.keyText());
            into.computeIfAbsent(e.keyText(), k -> new ArrayList<>()).addAll(globs);
            keys.putIfAbsent("ignore\0" + e.keyText(), e.key().span());
        }
    }

    /** Which rules exist: the rule registry sits above this package, so the command line hands it in. */
    public interface KnownRules {
        /** The id of the rule with this id or name, or null for none. */
        String idOf(String idOrName);

        /** The known ids and names nearest to {@code word}, for "did you mean". */
        List<String> nearest(String word);
    }

    /**
     * This configuration with every rule it names (under {@code rules} and {@code ignore}) given by id; a rule that
     * does not exist is an error at its key, as a typo would otherwise turn nothing off without a word.
     */
    public ConfigFile withRuleIds(KnownRules known) throws ConfigError {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : rules.entrySet()) {
            byId.put(idOf(known, "rules", e.getKey()), e.getValue());
        }
        Map<String, List<String>> ignoreById = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ignoreByRule.entrySet()) {
            ignoreById.computeIfAbsent(idOf(known, "ignore", e.getKey()), k -> new ArrayList<>()).addAll(e.getValue());
        }
        return new ConfigFile(path, kubernetesVersion, podSecurityLevel, failOn, controllerConfig, projectDir, byId,
                ignore, ignoreById, checkout, ruleKeys);
    }

    private String idOf(KnownRules known, String section, String word) throws ConfigError {
        String id = known.idOf(word);
        if (id != null) {
            return id;
        }
        Span at = ruleKeys.get(section + "\0" + word);
        List<String> near = known.nearest(word);
        String detail = "`" + section + "`: no rule `" + word + "`" + (near.isEmpty() ? ""
                : "; did you mean " + String.join(" or ", near) + "?") + " (bklint rules lists them)";
        throw at == null ? new ConfigError(path + ": " + detail) : new ConfigError(path, at, detail);
    }

    /**
     * A path the configuration names, relative to its folder: refused unless it (links followed, as far as it
     * exists) lies inside the checkout. {@code controller-config: /dev/zero} or a link to a home folder stop here.
     */
    private static Path inside(Path config, YMap map, String key, Path base, Path checkout, boolean folder)
            throws ConfigError {
        String value = map.string(key);
        if (value == null) {
            return null;
        }
        Span at = map.entry(key).value().span();
        String what = "`" + key + "`: ";
        Path path;
        try {
            path = base.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new ConfigError(config, at, what + "not a valid path (" + e.getReason() + ")");
        }
        if (!SourceReader.realPrefix(path).startsWith(SourceReader.realRoot(checkout))) {
            throw new ConfigError(config, at, what + "names a file outside " + checkout + " (the repository that "
                    + "holds this configuration); a committed configuration may name only files inside it (give --"
                    + key + " on the command line for a file elsewhere)");
        }
        if (folder && !Files.isDirectory(path)) {
            // As --project-dir: a folder that is not there would make every Dockerfile look missing.
            throw new ConfigError(config, at, what + value + ": " + (Files.exists(path) ? "not a folder"
                    : "no such folder"));
        }
        return path;
    }

    /** The globs of an ignore list, each checked here so that a bad one is an error at its position. */
    private static List<String> globs(Path config, YSeq seq, String key) throws ConfigError {
        List<String> list = new ArrayList<>();
        if (seq == null) {
            return list;
        }
        for (YNode n : seq.items()) {
            if (n instanceof YScalar s) {
                try {
                    Glob.compile(s.value());
                } catch (Glob.GlobError e) {
                    throw new ConfigError(config, s.span(), "`" + key + "`: not a valid glob: " + e.getMessage());
                }
                list.add(s.value());
            }
        }
        return list;
    }

    /**
     * A configuration that cannot be used. One with a position says where ({@link #span}) apart from what
     * ({@link #detail}), so an editor can mark the place; its message is {@code path:line:col: detail}.
     */
    public static final class ConfigError extends Exception {
        private final transient Span span;
        private final String detail;

        public ConfigError(String message) {
            super(message, null, false, false);
            this.span = null;
            this.detail = message;
        }

        public ConfigError(Path file, Span at, String detail) {
            super(file + ":" + at.line() + ":" + at.column() + ": " + detail, null, false, false);
            this.span = at;
            this.detail = detail;
        }

        /** Where in the configuration, or null when the error is about the file as a whole. */
        public Span span() {
            return span;
        }

        /** The message without its position. */
        public String detail() {
            return detail;
        }
    }
}
