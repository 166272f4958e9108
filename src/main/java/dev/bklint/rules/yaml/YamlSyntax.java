package dev.bklint.rules.yaml;

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
        reporter.report(error.span(), "This is not valid YAML: " + error.getMessage()
                + ". Buildkite rejects the whole upload, so no step runs; fix the YAML at this position.", null);
    }

    @Override
    public void visitPipeline(Pipeline pipeline, Reporter reporter) {
        for (PipelineProblem p : pipeline.problems()) {
            reporter.report(p.span(), p.message() + ": `buildkite-agent pipeline upload` refuses it.", null);
        }
    }
}
