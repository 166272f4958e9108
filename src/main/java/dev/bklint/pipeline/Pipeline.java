package dev.bklint.pipeline;

import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YamlDocument;
import java.util.List;

/**
 * One Buildkite pipeline (one YAML document) with its command steps, groups flattened, and the pipeline-level
 * defaults that steps inherit.
 */
public record Pipeline(YamlDocument document, Env env, YScalar image, YNode agents, List<CommandStep> steps,
                       List<PipelineProblem> problems) {
}
