package dev.bklint.rules;

import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.source.SourceFile;
import java.util.List;

/** What one rule reports on a pipeline written in a test: the whole linter runs, its findings are filtered. */
public final class RuleFindings {
    private RuleFindings() {
    }

    public static List<Finding> of(String rule, Options options, String path, String yaml) {
        return new Linter(RuleRegistry.get(), options).lint(new SourceFile(path, yaml)).findings().stream()
                .filter(f -> f.rule().equals(rule)).toList();
    }

    /** With the default options, as {@code pipeline.yml}. */
    public static List<Finding> of(String rule, String yaml) {
        return of(rule, Options.defaults(), "pipeline.yml", yaml);
    }
}
