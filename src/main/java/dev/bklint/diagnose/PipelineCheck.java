package dev.bklint.diagnose;

import dev.bklint.config.RuleSettings;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.util.Set;

/** Whether the lint rule a cause names fires on the pipeline the failed job ran: the link from log to pipeline. */
public final class PipelineCheck {
    private PipelineCheck() {
    }

    /**
     * The first finding of {@code rule} on {@code pipeline}, or null when it does not fire or bklint has no such rule.
     * Only that rule is selected, as {@code bklint --select RULE} would; a configuration file plays no part, since the
     * question is whether the rule catches this mistake, not whether the project has it on.
     */
    public static Finding firstFinding(SourceFile pipeline, String rule) {
        RuleRegistry registry = RuleRegistry.get();
        if (registry.find(rule) == null) {
            return null;
        }
        return new Linter(registry, onlyRule(Options.defaults(), rule)).lint(pipeline).findings().stream()
                .filter(f -> f.rule().equals(rule)).sorted().findFirst().orElse(null);
    }

    /**
     * {@code options} with only {@code rule} selected and the project's configuration left out. A name that is no
     * rule (a cause's {@code none}) selects nothing: the steps are still analysed, and no rule reports.
     */
    static Options onlyRule(Options options, String rule) {
        return options.withSettings(RuleSettings.NONE.withSelection(Set.of(rule), Set.of()));
    }
}
