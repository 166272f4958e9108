package dev.bklint.engine;

import dev.bklint.buildkit.BuildkitAnalyzer;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.BuildkitStep;
import dev.bklint.buildkit.Invocation;
import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.kubernetes.PodBuilder;
import dev.bklint.kubernetes.Workload;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.pipeline.PipelineReader;
import dev.bklint.report.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import dev.bklint.dockerfile.Project;
import java.util.ArrayList;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Runs every rule over one file: load, model each pipeline and step, visit, collect findings in order. One Linter
 * may lint several files at once: rules keep no state, and the per-file caches are concurrent.
 */
public final class Linter {
    private final RuleRegistry registry;
    private final Options options;
    private final Map<String, java.util.Optional<Project>> projects = new java.util.concurrent.ConcurrentHashMap<>();

    public Linter(RuleRegistry registry, Options options) {
        this.registry = registry;
        this.options = options;
    }

    public FileResult lint(SourceFile source) {
        List<Finding> findings = new ArrayList<>();
        List<StepAnalysis> analysed = new ArrayList<>();
        if (options.settings().ignores(source.path())) {
            return new FileResult(source, findings, analysed);
        }
        List<YamlDocument> documents;
        try {
            documents = YamlLoader.load(source);
        } catch (YamlSyntaxError e) {
            visit(source, findings, (rule, reporter) -> rule.visitSyntaxError(e, reporter));
            return new FileResult(source, sorted(findings), analysed);
        }
        for (YamlDocument document : documents) {
            List<Workload> workloads = Workload.of(document);
            if (!workloads.isEmpty()) {
                for (Workload w : workloads) {
                    EffectivePod pod = PodBuilder.fromManifest(w.podSpec(), w.podMetadata());
                    StepAnalysis analysis = new StepAnalysis(null, null, pod, BuildkitAnalyzer.analyze(null, pod),
                            w.kind() + "/" + w.name(), w.node().span().line());
                    analysed.add(analysis);
                    visitStep(source, findings, analysis);
                }
                continue;
            }
            Pipeline pipeline = PipelineReader.read(document);
            visit(source, findings, (rule, reporter) -> rule.visitPipeline(pipeline, reporter));
            for (CommandStep step : pipeline.steps()) {
                StepAnalysis analysis = analyse(step, options);
                analysed.add(analysis);
                visitStep(source, findings, analysis);
            }
        }
        if (!options.noIgnores()) {
            Suppressions suppressions = Suppressions.find(source, documents);
            List<Finding> kept = new ArrayList<>(suppressions.apply(findings));
            visit(source, kept, (rule, reporter) -> rule.visitSuppressions(suppressions, reporter));
            findings = kept;
        }
        return new FileResult(source, sorted(findings), analysed);
    }

    private void visitStep(SourceFile source, List<Finding> findings, StepAnalysis analysis) {
        visit(source, findings, (rule, reporter) -> rule.visitStep(analysis, reporter));
        for (BuildkitContainer container : analysis.buildkitContainers()) {
            if (container.runsDaemon()) {
                visit(source, findings, (rule, reporter) -> rule.visitDaemon(container, reporter));
            }
            for (Invocation invocation : container.invocations()) {
                visit(source, findings, (rule, reporter) -> rule.visitBuildctl(invocation, reporter));
            }
        }
    }

    /**
     * A step runs in a pod when it uses the kubernetes plugin or an {@code image:} (which only the Kubernetes
     * stack honours); otherwise only its command lines are checked.
     */
    static StepAnalysis analyse(CommandStep step, Options options) {
        KubernetesPlugin plugin = KubernetesPlugin.of(step);
        var controllerPatch = options.controller() == null ? null : options.controller().podSpecPatch();
        EffectivePod pod = plugin != null || step.effectiveImage() != null
                ? PodBuilder.build(step, plugin, controllerPatch) : null;
        BuildkitStep buildkit = BuildkitAnalyzer.analyze(step, pod);
        return new StepAnalysis(step, plugin, pod, buildkit, step.label(), step.node().span().line());
    }

    private void visit(SourceFile source, List<Finding> findings,
                       BiConsumer<dev.bklint.rules.Rule, Reporter> call) {
        Project project = projects.computeIfAbsent(source.path(),
                p -> java.util.Optional.ofNullable(Project.forFile(p, options.projectDir()))).orElse(null);
        for (RuleRegistry.LoadedRule r : registry.rules()) {
            String id = r.meta().id();
            if (!options.settings().isOff(id) && !options.settings().ignores(id, source.path())) {
                call.accept(r.rule(), new Reporter(r.meta(), source.path(), options, findings, project));
            }
        }
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        unique.sort(null);
        return unique;
    }
}
