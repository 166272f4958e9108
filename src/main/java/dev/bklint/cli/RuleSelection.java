package dev.bklint.cli;

import dev.bklint.config.ConfigFile;
import dev.bklint.finding.RuleMeta;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.text.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --select} and {@code --ignore}: rule ids or names, each option repeatable and each value a comma list,
 * read into sets of rule ids. An unknown rule is a usage error that names the nearest known ones.
 */
final class RuleSelection {
    private RuleSelection() {
    }

    /** The ids of the rules {@code values} name; {@code option} is named in the error for an unknown one. */
    static Set<String> ids(String option, List<String> values, RuleRegistry registry) {
        Set<String> ids = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String word = part.strip();
                if (word.isEmpty()) {
                    continue;
                }
                RuleMeta rule = registry.find(word);
                if (rule == null) {
                    throw new IllegalArgumentException(option + ": no rule `" + word + "`" + suggestion(word, registry)
                            + " (bklint rules lists them)");
                }
                ids.add(rule.id());
            }
        }
        return ids;
    }

    private static String suggestion(String word, RuleRegistry registry) {
        List<String> near = nearest(word, registry);
        return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
    }

    /**
     * The rule ids and names nearest to {@code word}. None for a well-formed id (BK999): every id is one digit from
     * several others, so a list of them would be noise; a mistyped one (BK2O1) still gets its nearest.
     */
    static List<String> nearest(String word, RuleRegistry registry) {
        if (word.matches("(?i)BK[0-9]{3}")) {
            return List.of();
        }
        List<String> known = new ArrayList<>();
        for (RuleMeta m : registry.metas()) {
            known.add(m.id());
            known.add(m.name());
        }
        return Suggestions.nearest(word, known);
    }

    /** The registry as the configuration file asks about rules. */
    static ConfigFile.KnownRules known(RuleRegistry registry) {
        return new ConfigFile.KnownRules() {
            @Override
            public String idOf(String idOrName) {
                RuleMeta m = registry.find(idOrName);
                return m == null ? null : m.id();
            }

            @Override
            public List<String> nearest(String word) {
                return RuleSelection.nearest(word, registry);
            }
        };
    }

    /** A configuration with its rules checked against the registry and named by id. */
    static ConfigFile checked(ConfigFile file) throws ConfigFile.ConfigError {
        return file == null ? null : file.withRuleIds(known(RuleRegistry.get()));
    }
}
