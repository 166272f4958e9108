package dev.bklint.config;

import dev.bklint.finding.Severity;
import dev.bklint.source.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the configuration says about rules and files: rules turned off or given another severity, and path globs
 * (relative to the configuration file's folder) to skip entirely or for some rules. Globs are matched by
 * {@link Glob}, in time linear in the path, never by a backtracking regular expression.
 */
public final class RuleSettings {
    public static final RuleSettings NONE = new RuleSettings(null, Map.of(), List.of(), Map.of());

    private final Path base;
    private final Map<String, String> rules;
    /** From the command line: when not empty, only these rules run. */
    private final Set<String> selected;
    private final Set<String> ignored;
    private final List<Glob> ignore = new ArrayList<>();
    private final Map<String, List<Glob>> ignoreByRule = new LinkedHashMap<>();

    public RuleSettings(Path base, Map<String, String> rules, List<String> ignore, Map<String, List<String>> byRule) {
        this(base, rules, Set.of(), Set.of());
        for (String glob : ignore) {
            this.ignore.add(matcher(glob));
        }
        byRule.forEach((rule, globs) -> this.ignoreByRule.put(rule, globs.stream().map(RuleSettings::matcher).toList()));
    }

    private RuleSettings(Path base, Map<String, String> rules, Set<String> selected, Set<String> ignored) {
        this.base = base;
        this.rules = rules;
        this.selected = selected;
        this.ignored = ignored;
    }

    /**
     * These settings with the command line's {@code --select} and {@code --ignore} (rule ids) on top: they win over
     * the configuration file, so a selected rule runs even where the file turns it off.
     */
    public RuleSettings withSelection(Set<String> select, Set<String> ignore) {
        RuleSettings s = new RuleSettings(base, rules, Set.copyOf(select), Set.copyOf(ignore));
        s.ignore.addAll(this.ignore);
        s.ignoreByRule.putAll(this.ignoreByRule);
        return s;
    }


    public static RuleSettings of(ConfigFile file) {
        return file == null ? NONE : new RuleSettings(file.path().toAbsolutePath().getParent(), file.rules(),
                file.ignore(), file.ignoreByRule());
    }

    private static Glob matcher(String glob) {
        return Glob.compile(glob);
    }

    public boolean isOff(String rule) {
        if (ignored.contains(rule)) {
            return true;
        }
        if (!selected.isEmpty()) {
            return !selected.contains(rule);
        }
        return "off".equals(rules.get(rule));
    }

    /** The configured severity for a rule, or null to keep what the rule says. */
    public Severity severity(String rule) {
        String s = rules.get(rule);
        return s == null || s.equals("off") ? null : Severity.parse(s);
    }

    /** True when the configuration skips this file altogether. */
    public boolean ignores(String path) {
        return matches(ignore, path);
    }

    /** True when the configuration skips this rule for this file. */
    public boolean ignores(String rule, String path) {
        List<Glob> globs = ignoreByRule.get(rule);
        return globs != null && matches(globs, path);
    }

    private boolean matches(List<Glob> globs, String path) {
        if (globs.isEmpty() || base == null) {
            return false;
        }
        try {
            Path p = Path.of(path).toAbsolutePath().normalize();
            if (!p.startsWith(base)) {
                return false;
            }
            String rel = base.relativize(p).toString().replace('\\', '/');
            return globs.stream().anyMatch(g -> g.matches(rel));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
