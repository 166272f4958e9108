package dev.bklint.rules;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.Invocation;
import dev.bklint.suppression.Suppressions;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.finding.Finding;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.List;

/**
 * A rule visits the parts it cares about; the engine calls every method for every rule, so a rule overrides
 * only what it checks. Rules are found from their metadata (see {@link RuleRegistry}), never listed by hand.
 */
public interface Rule {
    /** The file is not YAML. */
    default void visitSyntaxError(YamlSyntaxError error, Reporter reporter) {
    }

    /** Each pipeline (YAML document) of a file. */
    default void visitPipeline(Pipeline pipeline, Reporter reporter) {
    }

    /** Each command step with its analysis (pod and BuildKit view when there are any). */
    default void visitStep(StepAnalysis step, Reporter reporter) {
    }

    /** Each container that starts buildkitd, with its inferred mode. */
    default void visitDaemon(BuildkitContainer daemon, Reporter reporter) {
    }

    /** Each {@code buildctl} / {@code buildctl-daemonless.sh} command line. */
    default void visitBuildctl(Invocation invocation, Reporter reporter) {
    }

    /** The file's suppression comments, after they were applied to its findings. */
    default void visitSuppressions(Suppressions suppressions, Reporter reporter) {
    }

    /** The file's findings beyond the first {@code limit} (in position order), which reports leave out. */
    default void visitNotShown(List<Finding> notShown, int limit, Reporter reporter) {
    }
}
