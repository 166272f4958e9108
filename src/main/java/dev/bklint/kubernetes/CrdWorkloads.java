package dev.bklint.kubernetes;

import dev.bklint.yaml.EmbeddedYaml;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tekton, Shipwright and Argo Workflows objects read as the pod their controller builds (research:
 * shared/research/crd-objects.md, tektoncd/pipeline@3ee1745ae5b2, shipwright-io/build@85aa66454677,
 * argoproj/argo-workflows@f016ad89eb26). The pod spec is assembled from the nodes written in the file, so every
 * finding points at the step or container that causes it; only the names the controller gives the containers are
 * new scalars, placed where the name (or the container) is written.
 *
 * <p>What the file cannot show is left out rather than guessed: the containers and volumes the controllers add
 * (Tekton's prepare/place-scripts, Shipwright's source steps, Argo's wait/init), Tekton's config-defaults
 * {@code default-pod-template} and the securityContext it can give the pod, StepActions, and the commands that
 * wrap each step (Tekton's entrypoint, Argo's emissary), which run the step's own command unchanged.
 */
final class CrdWorkloads {
    private static final Pattern SHEBANG = Pattern.compile("^#!\\s*(\\S+)(?:[ \\t]+(\\S+))?");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "ksh", "zsh");
    /** Argo template kinds: a templateDefaults entry of one kind reaches only templates of that kind. */
    private static final Set<String> ARGO_TEMPLATE_TYPES = Set.of("container", "script", "containerSet", "resource",
            "steps", "dag", "suspend", "data", "http", "plugin");

    private static final String[][] TEKTON_IMPLICIT = {
        {"tekton-internal-workspace", "/workspace"}, {"tekton-internal-home", "/tekton/home"}};

    private CrdWorkloads() {
    }

    /** True for the kinds read here; {@code into} receives their workloads. */
    static boolean collect(String kind, String name, YMap object, List<Workload> into) {
        YMap spec = object.getMap("spec");
        switch (kind) {
            case "Task": case "ClusterTask":
                tekton(kind, name, object, spec, null, object.getMap("metadata"), into);
                return true;
            case "TaskRun":
                tekton(kind, name, object, spec == null ? null : spec.getMap("taskSpec"),
                        spec == null ? null : spec.getMap("podTemplate"), object.getMap("metadata"), into);
                return true;
            case "Pipeline": case "PipelineRun":
                if (!String.valueOf(object.string("apiVersion")).startsWith("tekton.dev/")) {
                    return false; // another project's Pipeline kind
                }
                tektonPipeline(kind, name, object, spec, into);
                return true;
            case "BuildStrategy": case "ClusterBuildStrategy":
                shipwright(kind, name, object, spec, into);
                return true;
            case "Workflow": case "WorkflowTemplate": case "ClusterWorkflowTemplate":
                argo(kind, name, spec, into);
                return true;
            case "CronWorkflow":
                argo(kind, name, spec == null ? null : spec.getMap("workflowSpec"), into);
                return true;
            default:
                return false;
        }
    }

    // ---- Tekton -------------------------------------------------------------------------------------------------

    /**
     * A Pipeline's tasks (and {@code finally} tasks) with an embedded {@code taskSpec}, each read as a Task; a
     * PipelineRun's are under {@code pipelineSpec}, with the pod template a run gives its TaskRuns
     * ({@code taskRunTemplate.podTemplate}, v1beta1 {@code podTemplate}; a {@code taskRunSpecs} entry for the task
     * wins). Tasks by reference and custom tasks ({@code taskSpec} with its own {@code apiVersion}) are not in the
     * file, so they are skipped.
     */
    private static void tektonPipeline(String kind, String name, YMap object, YMap spec, List<Workload> into) {
        if (spec == null) {
            return;
        }
        YMap pipelineSpec = kind.equals("PipelineRun") ? spec.getMap("pipelineSpec") : spec;
        if (pipelineSpec == null) {
            return;
        }
        YMap runTemplate = spec.getMap("taskRunTemplate");
        YMap podTemplate = runTemplate != null ? runTemplate.getMap("podTemplate") : spec.getMap("podTemplate");
        for (String list : List.of("tasks", "finally")) {
            YSeq tasks = pipelineSpec.getSeq(list);
            if (tasks == null) {
                continue;
            }
            for (YNode item : tasks.items()) {
                if (item instanceof YMap task && task.getMap("taskSpec") != null
                        && task.getMap("taskSpec").string("apiVersion") == null) {
                    String taskName = task.string("name");
                    YMap taskSpec = task.getMap("taskSpec");
                    tekton(kind, name + "/" + (taskName == null ? "unnamed" : taskName), object, taskSpec,
                            taskRunPodTemplate(spec, taskName, podTemplate),
                            annotationsOver(taskSpec.getMap("metadata"), object.getMap("metadata"),
                                    taskRunMetadata(spec, taskName)), into);
                }
            }
        }
    }

    /**
     * The pod's annotations for a task embedded in a Pipeline or PipelineRun, lowest precedence first: the task's
     * {@code taskSpec.metadata}, the Pipeline's or PipelineRun's own, then the run's {@code taskRunSpecs[].metadata}
     * (first writer wins in pipelinerun.go:1903-1927, the run over its Pipeline at :1958-1977,
     * tektoncd/pipeline@3ee1745ae5b2); Tekton copies the TaskRun's annotations to the pod (pkg/pod/pod.go:506-511).
     */
    private static YMap annotationsOver(YMap... metadata) {
        YMap merged = null;
        for (YMap m : metadata) {
            YMap annotations = m == null ? null : m.getMap("annotations");
            if (annotations != null) {
                merged = merged == null ? annotations : (YMap) StrategicMerge.merge(merged, annotations);
            }
        }
        return merged == null ? null : map(List.of(entry("annotations", merged, merged)), merged);
    }

    /** The {@code metadata} of the PipelineRun's {@code taskRunSpecs} entry for this task, or null. */
    private static YMap taskRunMetadata(YMap runSpec, String taskName) {
        YSeq specs = runSpec.getSeq("taskRunSpecs");
        if (specs != null && taskName != null) {
            for (YNode item : specs.items()) {
                if (item instanceof YMap m && taskName.equals(m.string("pipelineTaskName"))) {
                    return m.getMap("metadata");
                }
            }
        }
        return null;
    }

    /** The pod template of the PipelineRun's {@code taskRunSpecs} entry for this task, else the run's. */
    private static YMap taskRunPodTemplate(YMap runSpec, String taskName, YMap fallback) {
        YSeq specs = runSpec.getSeq("taskRunSpecs");
        if (specs != null && taskName != null) {
            for (YNode item : specs.items()) {
                if (item instanceof YMap m && taskName.equals(m.string("pipelineTaskName"))) {
                    YMap own = m.getMap("podTemplate") != null ? m.getMap("podTemplate") : m.getMap("taskPodTemplate");
                    if (own != null) {
                        return own;
                    }
                }
            }
        }
        return fallback;
    }

    /**
     * A Task's (or TaskRun's embedded) spec: steps become {@code step-<name>} with the stepTemplate merged under
     * them and the podTemplate's env after theirs, then sidecars as {@code sidecar-<name>} (neither), then the
     * task's volumes. The pod's annotations are {@code podMetadata}'s (a Task's or TaskRun's own; Tekton copies them
     * to the pod). Pod-level securityContext and hostUsers come only from a podTemplate: a TaskRun's is read; for a
     * Task it is unknown (a TaskRun or config-defaults may supply one), so none is assumed.
     */
    private static void tekton(String kind, String name, YMap object, YMap taskSpec, YMap podTemplate,
            YMap podMetadata, List<Workload> into) {
        if (taskSpec == null) {
            return;
        }
        YMap stepTemplate = taskSpec.getMap("stepTemplate");
        List<YNode> containers = new ArrayList<>();
        YSeq steps = taskSpec.getSeq("steps");
        if (steps != null) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.items().get(i) instanceof YMap step && !step.has("ref")) {
                    containers.add(withPodTemplateEnv(tektonStep(step, stepTemplate, i), podTemplate));
                }
            }
        }
        YSeq sidecars = taskSpec.getSeq("sidecars");
        if (sidecars != null) {
            for (int i = 0; i < sidecars.size(); i++) {
                if (sidecars.items().get(i) instanceof YMap sidecar) {
                    YMap c = withScriptCommand(sidecar, "script");
                    containers.add(renamed(c, tektonName("sidecar-", sidecar, "unnamed-" + i), sidecar));
                }
            }
        }
        if (containers.isEmpty()) {
            return;
        }
        List<YEntry> pod = new ArrayList<>();
        pod.add(entry("containers", seq(containers, taskSpec), taskSpec));
        pod.add(entry("volumes", tektonVolumes(taskSpec.get("volumes"), taskSpec), taskSpec));
        if (podTemplate != null) {
            addEntry(pod, "securityContext", podTemplate.get("securityContext"));
            addEntry(pod, "hostUsers", podTemplate.get("hostUsers"));
        }
        into.add(new Workload(kind, name, object, map(pod, taskSpec), podMetadata, true));
    }

    /**
     * A pod template's {@code env} is appended to every step's env, where a later duplicate wins
     * (tektoncd/pipeline@3ee1745ae5b2:pkg/pod/pod.go:304-326); sidecars do not get it.
     */
    private static YMap withPodTemplateEnv(YMap step, YMap podTemplate) {
        YSeq env = podTemplate == null ? null : podTemplate.getSeq("env");
        if (env == null) {
            return step;
        }
        return at((YMap) StrategicMerge.merge(step, map(List.of(entry("env", env, env)), step)), step);
    }

    /** A step with the stepTemplate merged under it (a strategic merge, the step winning), named as in the pod. */
    private static YMap tektonStep(YMap step, YMap stepTemplate, int index) {
        YMap merged = stepTemplate == null ? step : at((YMap) StrategicMerge.merge(stepTemplate, step), step);
        return renamed(withScriptCommand(withTektonMounts(merged), "script"),
                tektonName("step-", step, "unnamed-" + index), step);
    }

    /**
     * Tekton mounts emptyDirs at /workspace and /tekton/home in every step that mounts nothing there itself
     * (pkg/pod/pod.go:104-136, 358-369); sidecars get none.
     */
    private static YMap withTektonMounts(YMap step) {
        List<YNode> implicit = new ArrayList<>();
        for (String[] m : TEKTON_IMPLICIT) {
            implicit.add(map(List.of(entry("name", scalar(m[0], step), step),
                    entry("mountPath", scalar(m[1], step), step)), step));
        }
        YMap base = map(List.of(entry("volumeMounts", seq(implicit, step), step)), step);
        return at((YMap) StrategicMerge.merge(base, step), step);
    }

    private static YNode tektonVolumes(YNode written, YMap at) {
        List<YNode> volumes = new ArrayList<>();
        if (written instanceof YSeq s) {
            volumes.addAll(s.items());
        }
        for (String[] m : TEKTON_IMPLICIT) {
            volumes.add(map(List.of(entry("name", scalar(m[0], at), at),
                    entry("emptyDir", map(List.of(), at), at)), at));
        }
        return seq(volumes, at);
    }

    /** {@code step-<name>} cut to 63 characters without trailing non-alphanumerics (pkg/names/generate.go). */
    private static YScalar tektonName(String prefix, YMap container, String unnamed) {
        YScalar written = container.getScalar("name");
        String name = prefix + (written == null || written.isNull() ? unnamed : written.value());
        if (name.length() > 63) {
            name = name.substring(0, 63).replaceAll("[^a-zA-Z0-9]+$", "");
        }
        return scalar(name, written == null ? container : written);
    }

    // ---- Shipwright ---------------------------------------------------------------------------------------------

    /**
     * A build strategy's steps ({@code spec.steps} in v1beta1, {@code spec.buildSteps} in v1alpha1) become Tekton
     * steps of the same name, {@code step-<name>}; the strategy's {@code securityContext} (runAsUser/runAsGroup)
     * fills only what a step leaves unset, at container level; its volumes carry their source inline beside the
     * name, as pod volumes do. Annotations on the strategy reach the pod. Shipwright sets no pod securityContext;
     * Tekton's default pod template may, which the file cannot show.
     */
    private static void shipwright(String kind, String name, YMap object, YMap spec, List<Workload> into) {
        if (spec == null) {
            return;
        }
        YSeq steps = spec.getSeq("steps") != null ? spec.getSeq("steps") : spec.getSeq("buildSteps");
        if (steps == null) {
            return;
        }
        YMap strategyContext = spec.getMap("securityContext");
        List<YNode> containers = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.items().get(i) instanceof YMap step) {
                YMap c = step;
                if (strategyContext != null) {
                    YMap base = map(List.of(entry("securityContext", strategyContext, strategyContext)), step);
                    c = at((YMap) StrategicMerge.merge(base, step), step);
                }
                containers.add(renamed(withTektonMounts(c), tektonName("step-", step, "unnamed-" + i), step));
            }
        }
        if (containers.isEmpty()) {
            return;
        }
        List<YEntry> pod = new ArrayList<>();
        pod.add(entry("containers", seq(containers, spec), spec));
        pod.add(entry("volumes", tektonVolumes(spec.get("volumes"), spec), spec));
        // Shipwright runs the strategy as a Tekton TaskRun, so Tekton's creds-init applies too.
        into.add(new Workload(kind, name, object, map(pod, spec), object.getMap("metadata"), true));
    }

    // ---- Argo Workflows -----------------------------------------------------------------------------------------

    /** One pod per template that runs containers ({@code container}, {@code script}, {@code containerSet}). */
    private static void argo(String kind, String name, YMap workflowSpec, List<Workload> into) {
        YSeq templates = workflowSpec == null ? null : workflowSpec.getSeq("templates");
        if (templates == null) {
            return;
        }
        for (YNode t : templates.items()) {
            if (t instanceof YMap written) {
                YMap template = withTemplateDefaults(written, workflowSpec.getMap("templateDefaults"));
                argoTemplate(kind, name, workflowSpec, template, into);
            }
        }
    }

    /**
     * A template's pod: {@code main} for a container or script (a user name is overwritten), the containerSet's
     * containers by their own names (empty: main) with the set's volumeMounts added, then sidecars by their names
     * ({@code mirrorVolumeMounts} copies main's mounts); init containers as written. securityContext is the
     * template's, else the workflow's, whole; annotations are {@code spec.podMetadata} under the template's
     * {@code metadata}; volumes are the template's, the workflow's and the volumeClaimTemplates' PVCs.
     * The workflow's {@code podSpecPatch}, then the template's, is applied last as a strategic merge
     * (workflow/controller/workflowpod.go:299-322 at f016ad89eb26); a patch that holds a {@code {{…}}} parameter
     * or does not parse as a PodSpec mapping makes the pod unknown, so the template is skipped.
     */
    private static void argoTemplate(String kind, String name, YMap spec, YMap template, List<Workload> into) {
        List<YMap> patches = new ArrayList<>();
        for (YMap owner : new YMap[] {spec, template}) {
            YNode written = owner.get("podSpecPatch");
            if (written != null && !(written instanceof YScalar s && (s.isNull() || s.value().isBlank()))) {
                YMap patch = argoPodSpecPatch(written);
                if (patch == null) {
                    return;
                }
                patches.add(patch);
            }
        }
        List<YNode> containers = new ArrayList<>();
        YMap main = null;
        if (template.getMap("container") != null) {
            main = renamed(template.getMap("container"), scalar("main", template.getMap("container")),
                    template.getMap("container"));
        } else if (template.getMap("script") != null) {
            main = renamed(withScriptCommand(template.getMap("script"), "source"),
                    scalar("main", template.getMap("script")), template.getMap("script"));
        }
        if (main != null) {
            containers.add(main);
        }
        YMap set = template.getMap("containerSet");
        if (set != null && set.getSeq("containers") != null) {
            for (YNode n : set.getSeq("containers").items()) {
                if (n instanceof YMap c) {
                    YMap withMounts = withMounts(c, set.getSeq("volumeMounts"));
                    containers.add(c.string("name") == null ? renamed(withMounts, scalar("main", c), c) : withMounts);
                    if ("main".equals(c.string("name")) || c.string("name") == null) {
                        main = withMounts;
                    }
                }
            }
        }
        if (containers.isEmpty()) {
            return;
        }
        containers.addAll(argoUserContainers(template.getSeq("sidecars"), main));
        List<YNode> inits = argoUserContainers(template.getSeq("initContainers"), main);
        List<YEntry> pod = new ArrayList<>();
        pod.add(entry("containers", seq(containers, template), template));
        if (!inits.isEmpty()) {
            pod.add(entry("initContainers", seq(inits, template), template));
        }
        List<YNode> volumes = argoVolumes(spec, template);
        if (!volumes.isEmpty()) {
            pod.add(entry("volumes", seq(volumes, template), template));
        }
        addEntry(pod, "securityContext", template.get("securityContext") != null
                ? template.get("securityContext") : spec.get("securityContext"));
        YMap podSpec = map(pod, template);
        for (YMap patch : patches) {
            podSpec = at((YMap) StrategicMerge.merge(podSpec, patch), template);
        }
        String podName = name + "/" + (template.string("name") == null ? "(unnamed)" : template.string("name"));
        into.add(new Workload(kind, podName, template, podSpec, argoPodMetadata(spec, template)));
    }

    /**
     * A {@code podSpecPatch} string read as the PodSpec mapping Argo decodes (JSON when it starts with an opening brace,
     * else YAML: workflow/util/util.go:1663-1695), placed where its text is written; null when it cannot be known
     * (a parameter in it, not a string, or not a mapping: Argo would fail the pod).
     */
    private static YMap argoPodSpecPatch(YNode written) {
        if (!(written instanceof YScalar s) || s.isNull() || s.value().contains("{{")) {
            return null;
        }
        return EmbeddedYaml.parse(s) instanceof YMap patch ? patch : null;
    }

    /** {@code templateDefaults} merged under the template; a type's defaults only reach templates of that type. */
    private static YMap withTemplateDefaults(YMap template, YMap defaults) {
        if (defaults == null) {
            return template;
        }
        List<YEntry> kept = new ArrayList<>();
        for (YEntry e : defaults.entries()) {
            if (!ARGO_TEMPLATE_TYPES.contains(e.keyText()) || template.has(e.keyText())) {
                kept.add(e);
            }
        }
        return at((YMap) StrategicMerge.merge(map(kept, defaults), template), template);
    }

    private static List<YNode> argoUserContainers(YSeq written, YMap main) {
        List<YNode> found = new ArrayList<>();
        if (written != null) {
            for (YNode n : written.items()) {
                if (n instanceof YMap c) {
                    boolean mirror = c.getScalar("mirrorVolumeMounts") != null
                            && "true".equals(c.string("mirrorVolumeMounts"));
                    found.add(mirror && main != null ? withMounts(c, main.getSeq("volumeMounts")) : c);
                }
            }
        }
        return found;
    }

    private static List<YNode> argoVolumes(YMap spec, YMap template) {
        List<YNode> volumes = new ArrayList<>();
        for (YSeq s : new YSeq[] {template.getSeq("volumes"), spec.getSeq("volumes")}) {
            if (s != null) {
                volumes.addAll(s.items());
            }
        }
        YSeq claims = spec.getSeq("volumeClaimTemplates");
        if (claims != null) {
            for (YNode n : claims.items()) {
                YMap meta = n instanceof YMap m ? m.getMap("metadata") : null;
                if (meta != null && meta.getScalar("name") != null) {
                    // The PVC is created per workflow; the volume has the claim template's name.
                    volumes.add(map(List.of(entry("name", meta.getScalar("name"), n),
                            entry("persistentVolumeClaim", map(List.of(), n), n)), n));
                }
            }
        }
        return volumes;
    }

    private static YMap argoPodMetadata(YMap spec, YMap template) {
        YMap podMetadata = spec.getMap("podMetadata");
        YMap own = template.getMap("metadata");
        if (podMetadata == null) {
            return own;
        }
        return own == null ? podMetadata : (YMap) StrategicMerge.merge(podMetadata, own);
    }

    // ---- scripts ------------------------------------------------------------------------------------------------

    /**
     * A Tekton {@code script} or an Argo script's {@code source} as the command that runs it. Tekton runs the text
     * as a file, with {@code #!/bin/sh} and {@code set -e} when it has no shebang; Argo passes the file to the
     * written command. A shell reads it as {@code <shell> -c <text>} reads it, which is how bklint analyses it;
     * another interpreter keeps its command and the text is not analysed.
     */
    private static YMap withScriptCommand(YMap container, String key) {
        YScalar text = container.getScalar(key);
        if (text == null || text.isNull()) {
            return container;
        }
        List<YNode> command = new ArrayList<>();
        if ("source".equals(key)) {
            YSeq written = container.getSeq("command");
            String shell = written != null && written.size() == 1 && written.items().get(0) instanceof YScalar s
                    ? baseName(s.value()) : null;
            if (shell == null || !SHELLS.contains(shell)) {
                return without(container, key);
            }
            command.add(written.items().get(0));
        } else {
            Matcher m = SHEBANG.matcher(text.value().strip());
            String interpreter = m.find() ? m.group(1) : "/bin/sh";
            if ("env".equals(baseName(interpreter)) && m.group(2) != null) {
                interpreter = m.group(2);
            }
            command.add(scalar(interpreter, text));
            if (!SHELLS.contains(baseName(interpreter))) {
                return replaced(without(container, key), "command", seq(command, text), text);
            }
        }
        command.add(scalar("-c", text));
        command.add(text);
        return replaced(without(container, key), "command", seq(command, text), text);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // ---- positioned nodes ---------------------------------------------------------------------------------------

    private static YMap withMounts(YMap container, YSeq mounts) {
        if (mounts == null) {
            return container;
        }
        YMap patch = map(List.of(entry("volumeMounts", mounts, mounts)), container);
        return at((YMap) StrategicMerge.merge(container, patch), container);
    }

    /** The container with the name the controller gives it in the pod. */
    private static YMap renamed(YMap container, YScalar name, YMap writtenAt) {
        return at(replaced(container, "name", name, name), writtenAt);
    }

    private static YMap replaced(YMap m, String key, YNode value, YNode keyAt) {
        List<YEntry> entries = new ArrayList<>();
        boolean done = false;
        for (YEntry e : m.entries()) {
            if (key.equals(e.keyText())) {
                entries.add(new YEntry(e.key(), value, e.merged()));
                done = true;
            } else {
                entries.add(e);
            }
        }
        if (!done) {
            entries.add(0, entry(key, value, keyAt));
        }
        return new YMap(entries, m.isFlow(), m.source(), m.span(), m.via());
    }

    private static YMap without(YMap m, String key) {
        List<YEntry> entries = new ArrayList<>(m.entries());
        entries.removeIf(e -> key.equals(e.keyText()));
        return new YMap(entries, m.isFlow(), m.source(), m.span(), m.via());
    }

    /** The entries of {@code m} as a mapping written where {@code node} is (a merge keeps its base's place). */
    private static YMap at(YMap m, YNode node) {
        return new YMap(new ArrayList<>(m.entries()), m.isFlow(), node.source(), node.span(), node.via());
    }

    private static void addEntry(List<YEntry> into, String key, YNode value) {
        if (value != null) {
            into.add(entry(key, value, value));
        }
    }

    private static YEntry entry(String key, YNode value, YNode at) {
        return new YEntry(scalar(key, at), value, false);
    }

    private static YScalar scalar(String value, YNode at) {
        return new YScalar(value, YScalar.Style.DOUBLE_QUOTED, null, at.source(), at.span(), at.via());
    }

    private static YSeq seq(List<YNode> items, YNode at) {
        return new YSeq(items, false, at.source(), at.span(), at.via());
    }

    private static YMap map(List<YEntry> entries, YNode at) {
        return new YMap(entries, false, at.source(), at.span(), at.via());
    }
}
