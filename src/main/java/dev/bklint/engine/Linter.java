package dev.bklint.engine;

import dev.bklint.buildkit.BuildkitAnalyzer;
import dev.bklint.buildkit.BuildkitContainer;
import dev.bklint.buildkit.BuildkitStep;
import dev.bklint.buildkit.Invocation;
import dev.bklint.dockerfile.Project;
import dev.bklint.finding.Finding;
import dev.bklint.finding.ReportLimits;
import dev.bklint.kubernetes.EffectivePod;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.kubernetes.PodBuilder;
import dev.bklint.kubernetes.Workload;
import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.Pipeline;
import dev.bklint.pipeline.PipelineReader;
import dev.bklint.rules.Options;
import dev.bklint.rules.Reporter;
import dev.bklint.rules.Rule;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.rules.RunMemo;
import dev.bklint.rules.StepAnalysis;
import dev.bklint.schema.PluginChecks;
import dev.bklint.schema.SchemaViolation;
import dev.bklint.source.SourceFile;
import dev.bklint.source.Span;
import dev.bklint.suppression.Suppressions;
import dev.bklint.text.Quoted;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Runs every rule over one file: load, model each pipeline and step, visit, collect findings in order. One Linter
 * may lint several files at once, and the steps of a long pipeline at once: rules keep no state, and the per-file
 * caches are concurrent.
 */
public final class Linter {
    private final RuleRegistry registry;
    private final Options options;
    private final Map<String, Optional<Project>> projects = new ConcurrentHashMap<>();
    private final int parallelSteps;
    private final PluginChecks pluginChecks = new PluginChecks();
    private final RunMemo memo = new RunMemo();

    /**
     * From how many command steps a pipeline's steps are linted in parallel: enough that the work outweighs
     * handing it out, so that short pipelines (and the many small files that are linted in parallel already)
     * stay on one thread.
     */
    static final int PARALLEL_STEPS = 32;

    public Linter(RuleRegistry registry, Options options) {
        this(registry, options, PARALLEL_STEPS);
    }

    /** With {@code parallelSteps}: the number of command steps from which a pipeline's steps run in parallel. */
    Linter(RuleRegistry registry, Options options, int parallelSteps) {
        this.registry = registry;
        this.options = options;
        this.parallelSteps = parallelSteps;
    }

    public FileResult lint(SourceFile source) {
        List<Finding> findings = new ArrayList<>();
        List<StepAnalysis> analysed = new ArrayList<>();
        if (options.settings().ignores(source.path())) {
            return new FileResult(source, findings, analysed);
        }
        FileRules rules = rulesFor(source);
        List<YamlDocument> documents;
        try {
            documents = YamlLoader.load(source);
        } catch (YamlSyntaxError e) {
            visit(rules, reporters(rules, findings), (rule, reporter) -> rule.visitSyntaxError(e, reporter));
            return new FileResult(source, reported(rules, findings), analysed);
        }
        Reporter[] reporters = reporters(rules, findings);
        List<YMap> objects = null; // the file's Kubernetes objects, read when a workload needs them
        for (YamlDocument document : documents) {
            List<Workload> workloads = Workload.of(document);
            if (!workloads.isEmpty()) {
                if (objects == null) {
                    objects = Workload.objects(documents);
                }
                for (Workload w : workloads) {
                    EffectivePod pod = PodBuilder.fromManifest(w.podSpec(), w.podMetadata(),
                            w.controllerCredentials(), objects);
                    StepAnalysis analysis = new StepAnalysis(null, null, pod, BuildkitAnalyzer.analyze(null, pod),
                            List.of(),
                            w.kind() + "/" + w.name(), w.node().span().line());
                    analysed.add(analysis);
                    visitStep(rules, reporters, analysis);
                }
                continue;
            }
            Pipeline pipeline = PipelineReader.read(document);
            List<CommandStep> steps = pipeline.steps();
            if (steps.size() < parallelSteps) {
                visit(rules, reporters, (rule, reporter) -> rule.visitPipeline(pipeline, reporter));
                for (CommandStep step : steps) {
                    StepAnalysis analysis = analyse(step);
                    analysed.add(analysis);
                    visitStep(rules, reporters, analysis);
                }
                continue;
            }
            // A long pipeline: the pipeline's rules and each step run as separate tasks on the common pool, and
            // their findings are added in the order the loop above would add them.
            List<Part> parts = IntStream.rangeClosed(-1, steps.size() - 1).parallel().mapToObj(i -> Part.run(() -> {
                List<Finding> found = new ArrayList<>();
                if (i < 0) {
                    visit(rules, reporters(rules, found), (rule, reporter) -> rule.visitPipeline(pipeline, reporter));
                    return new Part(null, found, null);
                }
                StepAnalysis analysis = analyse(steps.get(i));
                visitStep(rules, reporters(rules, found), analysis);
                return new Part(analysis, found, null);
            })).toList();
            for (Part part : parts) {
                part.rethrow();
                if (part.analysis() != null) {
                    analysed.add(part.analysis());
                }
                findings.addAll(part.findings());
            }
        }
        if (!options.noIgnores()) {
            Suppressions suppressions = Suppressions.find(source, documents);
            List<Finding> kept = new ArrayList<>(suppressions.apply(findings));
            visit(rules, reporters(rules, kept), (rule, reporter) -> rule.visitSuppressions(suppressions, reporter));
            findings = kept;
        }
        return new FileResult(source, reported(rules, findings), analysed);
    }

    /**
     * The findings in order, each once, with long texts shortened and at most {@link Options#maxFindings()} of them:
     * the rules' {@link dev.bklint.rules.Rule#visitNotShown} hook is told about the rest, so that the report says
     * how many it leaves out.
     */
    private List<Finding> reported(FileRules rules, List<Finding> findings) {
        List<Finding> all = ReportLimits.shortened(sorted(findings));
        int limit = options.maxFindings();
        if (all.size() <= limit) {
            return all;
        }
        List<Finding> shown = new ArrayList<>(all.subList(0, limit));
        List<Finding> notShown = all.subList(limit, all.size());
        visit(rules, reporters(rules, shown), (rule, reporter) -> rule.visitNotShown(notShown, limit, reporter));
        return shown;
    }

    /**
     * What one task of a long pipeline produced: a step's analysis (null for the pipeline's own rules) and
     * findings, or what it threw, to be thrown again on the caller's thread in the order a plain loop would.
     */
    private record Part(StepAnalysis analysis, List<Finding> findings, Throwable failure) {
        static Part run(Supplier<Part> task) {
            try {
                return task.get();
            } catch (RuntimeException | Error e) {
                return new Part(null, List.of(), e);
            }
        }

        void rethrow() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }

    private void visitStep(FileRules rules, Reporter[] reporters, StepAnalysis analysis) {
        visit(rules, reporters, (rule, reporter) -> rule.visitStep(analysis, reporter));
        for (BuildkitContainer container : analysis.buildkitContainers()) {
            if (container.runsDaemon()) {
                visit(rules, reporters, (rule, reporter) -> rule.visitDaemon(container, reporter));
            }
            for (Invocation invocation : container.invocations()) {
                visit(rules, reporters, (rule, reporter) -> rule.visitBuildctl(invocation, reporter));
            }
        }
    }

    /**
     * A step runs in a pod when it uses the kubernetes plugin or an {@code image:} (which only the Kubernetes
     * stack honours); otherwise only its command lines are checked.
     */
    private StepAnalysis analyse(CommandStep step) {
        KubernetesPlugin plugin = KubernetesPlugin.of(step);
        EffectivePod pod = plugin != null || step.effectiveImage() != null
                ? PodBuilder.build(step, plugin, options.controller()) : null;
        BuildkitStep buildkit = BuildkitAnalyzer.analyze(step, pod);
        List<SchemaViolation> violations = plugin == null || plugin.config() == null ? List.of()
                : pluginChecks.violations(plugin.config());
        return new StepAnalysis(step, plugin, pod, buildkit, violations, step.label(), step.node().span().line());
    }

    /** The rules that run on one file (those the configuration leaves on for it), and the file's checkout. */
    private record FileRules(String path, List<RuleRegistry.LoadedRule> rules, Project project) {
    }

    private FileRules rulesFor(SourceFile source) {
        Project project = projects.computeIfAbsent(source.path(),
                p -> Optional.ofNullable(Project.forFile(p, options.projectDir()))).orElse(null);
        List<RuleRegistry.LoadedRule> on = new ArrayList<>();
        for (RuleRegistry.LoadedRule r : registry.rules()) {
            String id = r.meta().id();
            if (!options.settings().isOff(id) && !options.settings().ignores(id, source.path())) {
                on.add(r);
            }
        }
        return new FileRules(source.path(), on, project);
    }

    /** A reporter for each of the file's rules, all adding to {@code sink}. */
    private Reporter[] reporters(FileRules rules, List<Finding> sink) {
        Reporter[] reporters = new Reporter[rules.rules().size()];
        for (int i = 0; i < reporters.length; i++) {
            reporters[i] = new Reporter(rules.rules().get(i).meta(), rules.path(), options, sink, rules.project(),
                    memo);
        }
        return reporters;
    }

    private static void visit(FileRules rules, Reporter[] reporters, BiConsumer<Rule, Reporter> call) {
        for (int i = 0; i < reporters.length; i++) {
            call.accept(rules.rules().get(i).rule(), reporters[i]);
        }
    }

    /**
     * The findings in order, each once. Equal findings sort next to each other, so only neighbours that compare
     * equal are tested: hashing every finding would set up record hashCode for Finding, Span and Fix, which costs
     * more than a whole lint on a cold start. Findings that differ only in where their text was used from (copies
     * of one anchor) become one finding that names every use.
     */
    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> all = new ArrayList<>(findings);
        all.sort(null);
        List<Finding> unique = new ArrayList<>(all.size());
        // The uses gathered for a finding of `unique` (by index) from the copies merged into it; a set, since one
        // anchor may be used thousands of times.
        Map<Integer, Set<Span>> uses = new HashMap<>();
        int runStart = 0;
        for (Finding f : all) {
            if (!unique.isEmpty() && f.compareTo(unique.get(unique.size() - 1)) != 0) {
                runStart = unique.size();
            }
            int same = -1;
            for (int i = runStart; i < unique.size() && same < 0; i++) {
                if (unique.get(i).sameExceptUses(f)) {
                    same = i;
                }
            }
            if (same < 0) {
                unique.add(f);
            } else if (!f.uses().isEmpty()) {
                uses.computeIfAbsent(same, i -> new HashSet<>(unique.get(i).uses())).addAll(f.uses());
            }
        }
        uses.forEach((i, spans) -> unique.set(i, unique.get(i).withUses(new ArrayList<>(spans))));
        unique.replaceAll(Linter::sayUses);
        return unique;
    }

    /** The why ends by saying where the text is used from, by line: "Written here, used through the aliases at ...". */
    private static Finding sayUses(Finding f) {
        if (f.uses().isEmpty()) {
            return f;
        }
        List<Span> uses = new ArrayList<>(f.uses());
        uses.sort(null);
        List<String> lines = uses.stream().map(s -> Integer.toString(s.line())).distinct().toList();
        String where = lines.size() == 1 ? "the alias or merge at line " + lines.get(0)
                : "the aliases or merges at lines " + Quoted.list(lines, ", ", " and ");
        String said = "Written here, used through " + where + ".";
        return f.withUses(uses).withWhy(f.why().isEmpty() ? said : f.why() + " " + said);
    }
}
