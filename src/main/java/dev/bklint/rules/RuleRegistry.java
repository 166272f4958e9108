package dev.bklint.rules;

import dev.bklint.finding.Applicability;
import dev.bklint.finding.RuleMeta;
import dev.bklint.finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every rule bklint has, as the build generated them from {@code rules/*.yaml} ({@link RuleIndex}): adding a rule is
 * adding its metadata file and its class, and the build checks that each has the other.
 */
public final class RuleRegistry {
    private final List<LoadedRule> rules;

    public record LoadedRule(RuleMeta meta, Rule rule) {
    }

    private RuleRegistry(List<LoadedRule> rules) {
        this.rules = rules;
    }

    /** Built once per process (rules keep no state); a start-up thread may build it while the CLI is set up. */
    public static RuleRegistry get() {
        return Holder.REGISTRY;
    }

    private static final class Holder {
        static final RuleRegistry REGISTRY = build();
    }

    private static RuleRegistry build() {
        List<LoadedRule> rules = new ArrayList<>();
        for (int i = 0; i < RuleIndex.HEADERS.length; i++) {
            String[] h = RuleIndex.HEADERS[i];
            RuleMeta meta = new RuleMeta(i, h[0], h[1], Severity.parse(h[2]), h[3], h[4], h[5],
                    List.of(RuleIndex.TAGS[i]), h[6] == null ? null : Applicability.ofLabel(h[6]));
            rules.add(new LoadedRule(meta, RuleIndex.create(i)));
        }
        rules.sort(Comparator.comparing(r -> r.meta().id()));
        return new RuleRegistry(List.copyOf(rules));
    }

    public List<LoadedRule> rules() {
        return rules;
    }

    public List<RuleMeta> metas() {
        return rules.stream().map(LoadedRule::meta).toList();
    }

    /** The rule with this id or name (case-insensitive), or null. */
    public RuleMeta find(String idOrName) {
        for (LoadedRule r : rules) {
            if (r.meta().id().equalsIgnoreCase(idOrName) || r.meta().name().equalsIgnoreCase(idOrName)) {
                return r.meta();
            }
        }
        return null;
    }
}
