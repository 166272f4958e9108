package dev.bklint.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.TestPipelines;
import dev.bklint.engine.Linter;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tekton, Shipwright and Argo objects are read as the pod their controller builds. */
class CrdWorkloadsTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.get();

    private static List<String> containerNames(String yaml) {
        return TestPipelines.documents(yaml).stream().flatMap(d -> Workload.of(d).stream())
                .map(w -> PodBuilder.fromManifest(w.podSpec(), w.podMetadata()))
                .flatMap(p -> p.allContainers().stream()).map(PodContainer::name).toList();
    }

    private static List<Finding> lint(String yaml) {
        return new Linter(REGISTRY, Options.defaults()).lint(new SourceFile(TestPipelines.PATH, yaml)).findings();
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of("fixtures/manifests", name));
    }

    private static void assertNothingAbout(List<Finding> findings, String text) {
        for (Finding f : findings) {
            assertTrue(!f.message().contains(text) && !f.why().contains(text),
                    f.rule() + " reports " + text + ": " + f.message() + " " + f.why());
        }
    }

    @Test
    void tektonTaskStepsAndSidecarsAreNamedAsInThePod() {
        String yaml = """
                apiVersion: tekton.dev/v1
                kind: Task
                metadata: {name: t}
                spec:
                  steps:
                    - name: build
                      image: $(params.builder)
                      script: buildctl-daemonless.sh build --output type=image,name=$(params.image),push=true
                    - image: alpine
                      command: [true]
                  sidecars:
                    - name: buildkitd
                      image: moby/buildkit:v0.32.2
                """;
        assertEquals(List.of("step-build", "step-unnamed-1", "sidecar-buildkitd"), containerNames(yaml));
    }

    @Test
    void taskRunAndClusterTaskReadTheirTaskSpec() {
        assertEquals(List.of("step-a"), containerNames("""
                apiVersion: tekton.dev/v1
                kind: TaskRun
                metadata: {name: r}
                spec:
                  taskSpec:
                    steps: [{name: a, image: alpine, command: [true]}]
                """));
        assertEquals(List.of("step-a"), containerNames("""
                apiVersion: tekton.dev/v1beta1
                kind: ClusterTask
                metadata: {name: c}
                spec:
                  steps: [{name: a, image: alpine, command: [true]}]
                """));
    }

    @Test
    void tektonPipelinesGiveEachEmbeddedTaskItsOwnPod() {
        String pipeline = """
                apiVersion: tekton.dev/v1
                kind: Pipeline
                metadata: {name: p}
                spec:
                  tasks:
                    - name: build
                      taskSpec:
                        steps: [{name: a, image: alpine, command: [true]}]
                    - name: by-reference
                      taskRef: {name: elsewhere}
                    - name: custom
                      taskSpec: {apiVersion: example.dev/v1, kind: Thing, spec: {}}
                  finally:
                    - name: notify
                      taskSpec:
                        steps: [{name: b, image: alpine, command: [true]}]
                """;
        assertEquals(List.of("p/build", "p/notify"), TestPipelines.documents(pipeline).stream()
                .flatMap(d -> Workload.of(d).stream()).map(Workload::name).toList());
        assertEquals(List.of("step-a", "step-b"), containerNames(pipeline));
        String run = """
                apiVersion: tekton.dev/v1
                kind: PipelineRun
                metadata: {name: r}
                spec:
                  taskRunTemplate:
                    podTemplate: {securityContext: {runAsUser: 1000}}
                  taskRunSpecs:
                    - pipelineTaskName: build
                      podTemplate: {securityContext: {runAsUser: 2000}}
                  pipelineSpec:
                    tasks:
                      - name: build
                        taskSpec:
                          steps: [{name: a, image: alpine, command: [true]}]
                      - name: test
                        taskSpec:
                          steps: [{name: b, image: alpine, command: [true]}]
                """;
        List<String> users = TestPipelines.documents(run).stream().flatMap(d -> Workload.of(d).stream())
                .map(w -> w.podSpec().getMap("securityContext").string("runAsUser")).toList();
        assertEquals(List.of("2000", "1000"), users, "a taskRunSpecs entry wins over the run's template");
        assertEquals(List.of(), containerNames("""
                apiVersion: example.com/v1
                kind: Pipeline
                metadata: {name: not-tekton}
                spec:
                  tasks: [{name: x, taskSpec: {steps: [{name: a, image: alpine}]}}]
                """), "another project's Pipeline kind is not Tekton's");
    }

    @Test
    void stepTemplateMergesUnderEachStep() {
        String yaml = """
                apiVersion: tekton.dev/v1
                kind: Task
                metadata: {name: t}
                spec:
                  stepTemplate:
                    securityContext: {seccompProfile: {type: Unconfined}}
                  steps:
                    - name: a
                      image: alpine
                      securityContext: {privileged: true}
                """;
        var w = Workload.of(TestPipelines.documents(yaml).get(0)).get(0);
        var step = PodBuilder.fromManifest(w.podSpec(), w.podMetadata()).containers().get(0).node();
        assertEquals("Unconfined", step.getMap("securityContext").getMap("seccompProfile").string("type"));
        assertEquals("true", step.getMap("securityContext").string("privileged"));
    }

    @Test
    void shipwrightStrategiesOfBothVersions() {
        assertEquals(List.of("step-build-and-push"), containerNames("""
                apiVersion: shipwright.io/v1beta1
                kind: ClusterBuildStrategy
                metadata: {name: s}
                spec:
                  steps: [{name: build-and-push, image: $(params.builder-image), command: [true]}]
                """));
        assertEquals(List.of("step-build"), containerNames("""
                apiVersion: shipwright.io/v1alpha1
                kind: BuildStrategy
                metadata: {name: s}
                spec:
                  buildSteps: [{name: build, image: alpine, command: [true]}]
                """));
    }

    @Test
    void argoTemplatesGiveMainContainerSetsAndSidecars() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: w}
                spec:
                  templates:
                    - name: steps
                      steps: [[{name: a, template: c}]]
                    - name: c
                      container: {name: ignored, image: "{{inputs.parameters.image}}", command: [true]}
                      sidecars: [{name: buildkitd, image: moby/buildkit:v0.32.2}]
                    - name: s
                      script: {image: alpine, command: [sh], source: echo hi}
                    - name: set
                      containerSet:
                        containers: [{name: one, image: alpine, command: [true]}, {name: two, image: alpine}]
                """;
        assertEquals(List.of("main", "buildkitd", "main", "one", "two"), containerNames(yaml));
    }

    @Test
    void cronWorkflowReadsItsWorkflowSpec() {
        assertEquals(List.of("main"), containerNames("""
                apiVersion: argoproj.io/v1alpha1
                kind: CronWorkflow
                metadata: {name: cw}
                spec:
                  schedule: "* * * * *"
                  workflowSpec:
                    templates: [{name: c, container: {image: alpine, command: [true]}}]
                """));
    }

    @Test
    void tektonFixtureFindsTheProfilesAtTheStepAndNoParameter() throws IOException {
        List<Finding> findings = lint(fixture("tekton-task.rootless.yml"));
        assertEquals(List.of("BK202", "BK203"), findings.stream().map(Finding::rule).toList());
        assertEquals(19, findings.get(0).span().line());
        assertNothingAbout(findings, "$(params.image)");
    }

    @Test
    void argoFixtureFindsTheMissingProfilesAtMain() throws IOException {
        List<Finding> findings = lint(fixture("argo-workflowtemplate.buildkit.yml"));
        assertTrue(findings.stream().anyMatch(f -> f.rule().equals("BK202") && f.message().contains("`main`")));
        assertTrue(findings.stream().anyMatch(f -> f.rule().equals("BK203")));
        assertNothingAbout(findings, "{{inputs.parameters.image}}");
    }

    @Test
    void shipwrightSampleHasItsProfilesAndNoParameterFinding() throws IOException {
        List<Finding> findings = lint(fixture("shipwright-clusterbuildstrategy.buildkit.yml"));
        assertTrue(findings.stream().noneMatch(f -> f.rule().equals("BK202") || f.rule().equals("BK203")));
        assertNothingAbout(findings, "$(params.");
    }

    @Test
    void argoScriptSourceIsAnalysedAndTemplateAnnotationsReachThePod() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {generateName: b-}
                spec:
                  templates:
                    - name: build
                      metadata:
                        annotations:
                          container.apparmor.security.beta.kubernetes.io/main: unconfined
                      script:
                        image: moby/buildkit:v0.32.2-rootless
                        command: [sh]
                        env: [{name: BUILDKITD_FLAGS, value: --oci-worker-no-process-sandbox}]
                        securityContext: {runAsUser: 1000, runAsGroup: 1000}
                        volumeMounts: [{name: state, mountPath: /home/user/.local/share/buildkit}]
                        source: |
                          buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. \\
                            --local dockerfile=. --output type=image,name={{workflow.parameters.image}},push=false
                      volumes: [{name: state, emptyDir: {}}]
                """;
        List<Finding> findings = lint(yaml);
        // The daemon in the script is seen (seccomp is missing), the template's AppArmor annotation is honoured.
        assertEquals(List.of("BK202"), findings.stream().map(Finding::rule).toList());
        assertEquals(11, findings.get(0).span().line()); // the script's image
        assertNothingAbout(findings, "{{workflow.parameters.image}}");
    }

    @Test
    void tektonStepsGetTheImplicitHomeAndWorkspaceMounts() {
        String yaml = """
                apiVersion: tekton.dev/v1
                kind: Task
                metadata: {name: t}
                spec:
                  steps: [{name: a, image: alpine, command: [true]}]
                  sidecars: [{name: s, image: alpine}]
                """;
        var w = Workload.of(TestPipelines.documents(yaml).get(0)).get(0);
        var pod = PodBuilder.fromManifest(w.podSpec(), w.podMetadata());
        assertEquals(List.of("/workspace", "/tekton/home"),
                pod.containers().get(0).mounts().stream().map(Mount::mountPath).toList());
        assertEquals(List.of(), pod.containers().get(1).mounts());
    }

    @Test
    void pushWithoutCredentialsOnlyWhereNoControllerSuppliesThem() {
        String container = """
                image: moby/buildkit:v0.32.2
                command: [buildctl]
                args: [--addr, "tcp://buildkitd:1234", build, --frontend, dockerfile.v0, --local, context=.,
                       --local, dockerfile=., --output, "type=image,name=registry.example.com/app,push=true"]
                """.indent(8);
        String tekton = "apiVersion: tekton.dev/v1\nkind: Task\nmetadata: {name: t}\nspec:\n  steps:\n"
                + "    - name: push\n" + container;
        String argo = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n"
                + "    - name: push\n      container:\n" + container;
        assertTrue(lint(tekton).stream().noneMatch(f -> f.rule().equals("BK407")), "Tekton's creds-init");
        assertTrue(lint(argo).stream().anyMatch(f -> f.rule().equals("BK407")), "Argo adds no credentials");
    }

    @Test
    void argoTemplateDefaultsReachOnlyTheirType() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: WorkflowTemplate
                metadata: {name: w}
                spec:
                  templateDefaults:
                    container: {securityContext: {privileged: true}}
                  templates:
                    - name: c
                      container: {image: alpine, command: [true]}
                    - name: s
                      script: {image: alpine, command: [sh], source: "true"}
                """;
        var pods = pods(yaml);
        assertEquals(2, pods.size());
        assertEquals("true", pods.get(0).containers().get(0).node().getMap("securityContext").string("privileged"));
        assertEquals(null, pods.get(1).containers().get(0).node().getMap("securityContext"));
    }

    private static List<EffectivePod> pods(String yaml) {
        return Workload.of(TestPipelines.documents(yaml).get(0)).stream()
                .map(w -> PodBuilder.fromManifest(w.podSpec(), w.podMetadata())).toList();
    }

    @Test
    void argoPodSpecPatchIsAppliedWorkflowFirstAndAParameterisedOneIsNotGuessed() {
        String yaml = """
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata: {name: w}
                spec:
                  podSpecPatch: |
                    hostUsers: false
                  templates:
                    - name: yaml
                      podSpecPatch: |
                        containers:
                          - name: main
                            securityContext:
                              privileged: true
                      container: {image: alpine, command: [true]}
                    - name: json
                      podSpecPatch: '{"initContainers": [{"name": "setup", "image": "busybox"}]}'
                      container: {image: alpine, command: [true]}
                    - name: param
                      podSpecPatch: '{"containers": [{"name": "main", "securityContext": {"privileged": {{inputs.parameters.p}}}}]}'
                      container: {image: alpine, command: [true]}
                    - name: broken
                      podSpecPatch: 'containers: [unclosed'
                      container: {image: alpine, command: [true]}
                """;
        var pods = pods(yaml);
        assertEquals(2, pods.size()); // param and broken: the pod cannot be known
        for (EffectivePod pod : pods) {
            assertTrue(pod.inUserNamespace(), "the workflow's patch reaches every template");
        }
        var privileged = pods.get(0).containers().get(0).security("privileged");
        assertTrue(privileged.isTrue());
        assertEquals(13, privileged.value().span().line()); // inside the block, where it is written
        assertEquals(List.of("main", "setup"), pods.get(1).allContainers().stream().map(PodContainer::name).toList());
    }

    @Test
    void tektonRunAnnotationsWinOverTheEmbeddedTasksAndThePodTemplateEnvOverTheSteps() {
        String yaml = """
                apiVersion: tekton.dev/v1
                kind: PipelineRun
                metadata:
                  name: pr
                  annotations: {a: run, b: run}
                spec:
                  taskRunTemplate:
                    podTemplate:
                      env: [{name: HOME, value: /cache}]
                  taskRunSpecs:
                    - pipelineTaskName: t
                      metadata: {annotations: {a: spec}}
                  pipelineSpec:
                    tasks:
                      - name: t
                        taskSpec:
                          metadata: {annotations: {a: task, b: task, c: task}}
                          steps: [{name: s, image: alpine, command: [true], env: [{name: HOME, value: /step}]}]
                          sidecars: [{name: side, image: alpine, env: [{name: HOME, value: /side}]}]
                """;
        EffectivePod pod = pods(yaml).get(0);
        assertEquals("spec", pod.annotation("a").value());
        assertEquals("run", pod.annotation("b").value());
        assertEquals("task", pod.annotation("c").value());
        assertEquals("/cache", pod.containers().get(0).env().get("HOME").value());
        assertEquals("/side", pod.containers().get(1).env().get("HOME").value());
    }

    @Test
    void aPipelinesOwnAnnotationsReachItsTasksPods() {
        String yaml = """
                apiVersion: tekton.dev/v1
                kind: Pipeline
                metadata:
                  name: p
                  annotations: {a: pipeline}
                spec:
                  tasks:
                    - name: t
                      taskSpec:
                        metadata: {annotations: {a: task, c: task}}
                        steps: [{name: s, image: alpine, command: [true]}]
                """;
        EffectivePod pod = pods(yaml).get(0);
        assertEquals("pipeline", pod.annotation("a").value());
        assertEquals("task", pod.annotation("c").value());
    }

    private static String rootlessStep(String env) {
        return """
                apiVersion: tekton.dev/v1
                kind: Task
                metadata: {name: t}
                spec:
                  steps:
                    - name: build
                      image: moby/buildkit:v0.32.2-rootless
                      securityContext: {seccompProfile: {type: Unconfined}, appArmorProfile: {type: Unconfined}}
                      env:
                        - {name: BUILDKITD_FLAGS, value: --oci-worker-no-process-sandbox}
                %s
                      volumeMounts: [{name: state, mountPath: /home/user/.local/share/buildkit}]
                      script: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=.
                  volumes: [{name: state, emptyDir: {}}]
                """.formatted(env.indent(8).stripTrailing());
    }

    private static List<Finding> cacheFindings(String yaml) {
        return lint(yaml).stream().filter(f -> f.rule().startsWith("BK30")).toList();
    }

    @Test
    void aParameterisedHomeOrDataHomeIsUnknownAndReportsNothing() {
        for (String value : List.of("$(params.home)", "{{inputs.parameters.home}}", "${HOME}/x")) {
            for (String name : List.of("HOME", "XDG_DATA_HOME")) {
                assertEquals(List.of(), cacheFindings(rootlessStep("- {name: " + name + ", value: \"" + value
                        + "\"}")), name + "=" + value);
            }
        }
    }

    @Test
    void theStateDirectoryFollowsTheFirstDataHomeAndTheStepTemplate() {
        List<Finding> first = cacheFindings(rootlessStep("- {name: XDG_DATA_HOME, value: \"/data:/more\"}"));
        assertEquals(List.of("BK304"), first.stream().map(Finding::rule).toList());
        assertTrue(first.get(0).why().contains("`/data/buildkit`"), first.get(0).why());
        String fromTemplate = rootlessStep("").replace("  steps:", "  stepTemplate:\n    env: [{name: HOME, value: /root}]\n  steps:");
        List<Finding> moved = cacheFindings(fromTemplate);
        assertEquals(List.of("BK304"), moved.stream().map(Finding::rule).toList());
        assertEquals(Severity.WARNING, moved.get(0).severity());
        assertTrue(moved.get(0).why().contains("`/root/.local/share/buildkit`"), moved.get(0).why());
    }

    @Test
    void aStateDirectoryMovedOntoAnotherWritableVolumeIsInfoAndNeedsNoOtherMount() {
        List<Finding> onTektonHome = cacheFindings(rootlessStep("- {name: HOME, value: /tekton/home}"));
        assertEquals(List.of("BK304"), onTektonHome.stream().map(Finding::rule).toList());
        assertEquals(Severity.INFO, onTektonHome.get(0).severity());
        String noStateVolume = rootlessStep("- {name: HOME, value: /tekton/home}")
                .replace("      volumeMounts: [{name: state, mountPath: /home/user/.local/share/buildkit}]\n", "");
        assertEquals(List.of(), cacheFindings(noStateVolume), "Tekton's /tekton/home emptyDir holds the state");
    }

    @Test
    void anAgentStackStateDirectoryUnderTheWorkspaceIsOnTheControllersVolume() throws IOException {
        String pipeline = Files.readString(Path.of("fixtures/rules/BK304/fires.yml"))
                .replace("value: /home/user/data", "value: /workspace/.data");
        List<Finding> found = cacheFindings(pipeline);
        assertEquals(List.of("BK304"), found.stream().map(Finding::rule).toList());
        assertEquals(Severity.INFO, found.get(0).severity());
        assertTrue(found.get(0).why().contains("the controller's workspace volume"), found.get(0).why());
    }
}
