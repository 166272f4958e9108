package dev.bklint.diagnose;

import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.config.RuleSettings;
import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.engine.FileResult;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.kubernetes.PodContainer;
import dev.bklint.rules.Options;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.rules.RunMemo;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import dev.bklint.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * From a diagnosis back to the pipeline: which step the failed job ran ({@link StepChoice}), where in it the cause
 * lies, and whether the cause's lint rule fires there. The place is the rule's finding on that step when it fires,
 * else the cause's {@code points-at} field in the step's effective pod (or where that field must be added), else the
 * step itself.
 */
public final class PipelineLink {
    /**
     * Where the cause is in the pipeline.
     *
     * @param how          how the step was chosen: "--step", "echoed command", "container", "image" or
     *                     "only BuildKit step"
     * @param finding      the cause's rule firing on that step, or null
     * @param fieldMissing the place is where {@code field} must be added, not the field itself
     * @param field        the {@code points-at} selector the place was found by, or null (the finding's or the step's)
     */
    public record Link(String path, int line, int column, String stepLabel, String stepKey, String container,
                       String how, Finding finding, boolean fieldMissing, String field) {
    }

    /** A link, or (link null) the steps that fit equally ({@code candidates}) and one line saying why none was chosen. */
    public record Result(Link link, List<String> candidates, String reason) {
        public Result {
            candidates = List.copyOf(candidates);
        }
    }

    private PipelineLink() {
    }

    /**
     * Links {@code cause} to a step of {@code pipelines}. Only the cause's rule is selected, as {@code bklint --select
     * RULE} would (a cause without a rule runs none); the project's configuration plays no part, since the question is
     * whether the rule catches this mistake, not whether the project has it on. {@code options} still carries the
     * Kubernetes version, controller configuration and checkout the user gave.
     */
    public static Result link(List<SourceFile> pipelines, Options options, IncidentContext context, String step,
                              Cause cause) {
        RuleRegistry registry = RuleRegistry.get();
        String rule = cause.hasRule() && registry.find(cause.rule()) != null ? cause.rule() : null;
        // A name that is no rule (a cause's "none") selects nothing: the steps are still analysed, no rule reports.
        Options only = options.withSettings(RuleSettings.NONE.withSelection(Set.of(cause.rule()), Set.of()));
        Linter linter = new Linter(registry, only);
        List<StepChoice.Step> steps = new ArrayList<>();
        List<FileResult> results = new ArrayList<>();
        for (SourceFile pipeline : pipelines) {
            FileResult result = linter.lint(pipeline);
            results.add(result);
            for (StepAnalysis a : result.steps()) {
                if (a.step() != null) { // a plain Kubernetes manifest's workload is no step a job runs
                    steps.add(new StepChoice.Step(pipeline.path(), a, results.size() - 1));
                }
            }
        }
        StepChoice.Choice choice = StepChoice.choose(steps, context, step);
        if (choice.step() == null) {
            return new Result(null, choice.candidates(), choice.reason());
        }
        StepChoice.Step chosen = choice.step();
        StepAnalysis analysis = chosen.analysis();
        PodContainer container = buildkitContainer(analysis, context);
        Finding finding = rule == null ? null
                : firing(results.get(chosen.file()), chosen.path(), analysis, registry.rules().stream()
                        .filter(r -> r.meta().id().equals(rule)).findFirst().orElseThrow(), only);
        String label = analysis.step().displayName();
        String key = StepChoice.key(analysis.step());
        String name = container == null ? null : container.name();
        if (finding != null) {
            return new Result(new Link(finding.path(), finding.span().line(), finding.span().column(), label, key, name,
                    choice.how(), finding, false, null), List.of(), null);
        }
        YNode node = analysis.step().node();
        boolean missing = false;
        String field = null;
        if (cause.pointsAt() != null) {
            PointsAtResolver.Located at = PointsAtResolver.resolve(analysis, container, cause.pointsAt());
            node = at.node();
            missing = at.missing();
            field = cause.pointsAt();
        }
        String path = node.source() != null ? node.source().path() : chosen.path();
        return new Result(new Link(path, node.span().line(), node.span().column(), label, key, name, choice.how(),
                null, missing, field), List.of(), null);
    }

    /**
     * The container the cause is about: the BuildKit container the log names, else the one that starts the daemon,
     * else the first that runs BuildKit, else the step's first command container; null without a pod.
     */
    static PodContainer buildkitContainer(StepAnalysis analysis, IncidentContext context) {
        List<BuildkitContainer> buildkit = analysis.buildkitContainers();
        for (BuildkitContainer b : buildkit) {
            if (b.container() != null && context.containers().contains(b.container().name())) {
                return b.container();
            }
        }
        for (BuildkitContainer b : buildkit) {
            if (b.container() != null && b.runsDaemon()) {
                return b.container();
            }
        }
        for (BuildkitContainer b : buildkit) {
            if (b.container() != null) {
                return b.container();
            }
        }
        return analysis.pod() == null || analysis.pod().containers().isEmpty() ? null
                : analysis.pod().containers().get(0);
    }

    /**
     * The first of the file's reported findings that the rule makes on this step. The rule is run again on the step
     * alone to know which they are (a finding may sit in an anchor outside the step or in the controller's
     * configuration); the file's own findings are the ones returned, with suppressions and wording as lint reports
     * them. A finding the rule makes about the whole pipeline counts when it lies inside the step.
     */
    private static Finding firing(FileResult file, String path, StepAnalysis step, RuleRegistry.LoadedRule rule,
                                  Options options) {
        List<Finding> own = new ArrayList<>();
        Reporter reporter = new Reporter(rule.meta(), path, options, own,
                Project.forFile(path, options.projectDir()), new RunMemo());
        rule.rule().visitStep(step, reporter);
        for (BuildkitContainer c : step.buildkitContainers()) {
            if (c.runsDaemon()) {
                rule.rule().visitDaemon(c, reporter);
            }
            for (Invocation i : c.invocations()) {
                rule.rule().visitBuildctl(i, reporter);
            }
        }
        Span inside = step.step().node().span();
        for (Finding f : file.findings()) {
            if (!f.rule().equals(rule.meta().id())) {
                continue;
            }
            boolean mine = own.stream().anyMatch(o -> o.path().equals(f.path()) && o.span().equals(f.span()))
                    || f.path().equals(path) && (inside.contains(f.span())
                    || f.uses().stream().anyMatch(inside::contains));
            if (mine) {
                return f;
            }
        }
        return null;
    }
}
