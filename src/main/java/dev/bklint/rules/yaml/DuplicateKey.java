package dev.bklint.rules.yaml;

import dev.bklint.rules.Headline;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.finding.Fix;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;

/** BK002: a mapping repeats a key; Buildkite silently keeps the last value. */
public final class DuplicateKey implements Rule {
    @Override
    public void visitPipeline(Pipeline pipeline, Reporter reporter) {
        for (dev.bklint.yaml.DuplicateKey d : pipeline.document().duplicateKeys()) {
            reporter.report(d.repeated(), Headline.first("`" + d.key() + "` is set again here (first at line "
                    + d.first().line() + ").", "This key is set again here (first at line " + d.first().line() + ")."),
                    "Buildkite keeps only this last value of `" + d.key() + "` and drops the earlier one without a word, "
                            + "so one of the two settings is silently lost.",
                    Fix.describe("Keep one `" + d.key() + "` entry: delete the one you do not mean, or merge them.",
                            null));
        }
    }
}
