package dev.bklint.rules.yaml;

import dev.bklint.rules.Headline;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.pipeline.PipelineProblem;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.yaml.YamlSyntaxError;

/** BK001: the file is not YAML, or not a shape of pipeline Buildkite accepts. */
public final class YamlSyntax implements Rule {
    @Override
    public void visitSyntaxError(YamlSyntaxError error, Reporter reporter) {
        if (error.overLimit()) {
            return; // valid YAML past bklint's own bounds: BK009
        }
        String headline = "This is not valid YAML: " + error.getMessage() + ".";
        String why = "Buildkite rejects the whole upload, so no step runs; fix the YAML at this position.";
        if (!Headline.fits(headline)) {
            headline = "This is not valid YAML.";
            why = "The parser stops with: " + error.getMessage() + ". " + why;
        }
        reporter.report(error.span(), headline, why, null);
    }

    @Override
    public void visitPipeline(Pipeline pipeline, Reporter reporter) {
        for (PipelineProblem p : pipeline.problems()) {
            reporter.report(p.span(), capitalized(p.message()) + ".",
                    "`buildkite-agent pipeline upload` refuses it.", null);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
