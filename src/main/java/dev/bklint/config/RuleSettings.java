package dev.bklint.config;

import dev.bklint.report.Severity;
import dev.bklint.source.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the configuration says about rules and files: rules turned off or given another severity, and path globs
 * (relative to the configuration file's folder) to skip entirely or for some rules. Globs are matched by
 * {@link Glob}, in time linear in the path, never by a backtracking regular expression.
 */
public final class RuleSettings {
    public static final RuleSettings NONE = new RuleSettings(null, Map.of(), List.of(), Map.of());

    private final Path base;
    private final Map<String, String> rules;
    private final List<Glob> ignore = new ArrayList<>();
    private final Map<String, List<Glob>> ignoreByRule = new LinkedHashMap<>();

    public RuleSettings(Path base, Map<String, String> rules, List<String> ignore, Map<String, List<String>> byRule) {
        this.base = base;
        this.rules = rules;
        for (String glob : ignore) {
            this.ignore.add(matcher(glob));
        }
        byRule.forEach((rule, globs) -> this.ignoreByRule.put(rule, globs.stream().map(RuleSettings::matcher).toList()));
    }

    public static RuleSettings of(ConfigFile file) {
        return file == null ? NONE : new RuleSettings(file.path().toAbsolutePath().getParent(), file.rules(),
                file.ignore(), file.ignoreByRule());
    }

    private static Glob matcher(String glob) {
        return Glob.compile(glob);
    }

    public boolean isOff(String rule) {
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
