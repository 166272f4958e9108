package dev.bklint.pipeline;

import static dev.bklint.TestPipelines.onlyStep;
import static dev.bklint.TestPipelines.pipeline;
import static dev.bklint.TestPipelines.span;
import static dev.bklint.TestPipelines.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.yaml.YMap;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineReaderTest {

    private static List<String> labels(List<CommandStep> steps) {
        return steps.stream().map(CommandStep::label).toList();
    }

    @Test
    void bareListIsAPipelineOfSteps() {
        Pipeline p = pipeline("""
                - label: one
                  command: make one
                - label: two
                  command: make two
                """);
        assertEquals(List.of("one", "two"), labels(p.steps()));
        assertEquals("make two", p.steps().get(1).command().text());
        assertNull(p.image());
        assertEquals(List.of(), p.env().all());
        assertEquals(List.of(), p.problems());
        assertEquals(span(3, 3, 4, 20), p.steps().get(1).node().span());
    }

    @Test
    void groupsAreFlattenedInOrder() {
        List<CommandStep> steps = steps("""
                steps:
                  - label: first
                    command: a
                  - group: Builds
                    steps:
                      - label: inner1
                        command: b
                      - type: group
                        group: nested
                        steps:
                          - label: inner2
                            command: c
                  - label: last
                    command: d
                """);
        assertEquals(List.of("first", "inner1", "inner2", "last"), labels(steps));
        assertEquals("c", steps.get(2).command().text());
        assertEquals(11, steps.get(2).node().span().line());
    }

    @Test
    void stringAndNonCommandStepsAreSkipped() {
        List<CommandStep> steps = steps("""
                steps:
                  - wait
                  - label: build
                    command: make
                  - "block"
                  - block: Deploy?
                  - wait: ~
                  - trigger: other-pipeline
                  - label: deploy
                    commands: [deploy]
                """);
        assertEquals(List.of("build", "deploy"), labels(steps));
    }

    @Test
    void nestedCommandFormIsReadAsItsInnerStep() {
        CommandStep step = onlyStep("""
                steps:
                  - command:
                      label: inner
                      command: buildctl build
                """);
        assertEquals("inner", step.label());
        assertEquals("buildctl build", step.command().text());
        assertEquals(span(3, 7, 4, 30), step.node().span(), "the step is the inner mapping");
    }

    @Test
    void commandsListIsJoinedWithNewlines() {
        CommandStep step = onlyStep("""
                steps:
                  - commands:
                      - echo one
                      - echo two
                      - echo three
                """);
        assertEquals("echo one\necho two\necho three", step.command().text());
        assertEquals(span(3, 7, 5, 19), step.command().node().span());
    }

    @Test
    void nameIsTheLabelWhenNoLabelIsGiven() {
        List<CommandStep> steps = steps("""
                steps:
                  - name: by-name
                    command: a
                  - label: by-label
                    name: ignored
                    command: b
                  - command: c
                """);
        assertEquals(Arrays.asList("by-name", "by-label", null), labels(steps));
        assertEquals("step at line 7", steps.get(2).displayName());
    }

    @Test
    void pluginsAsAListOfStringsAndMappings() {
        CommandStep step = onlyStep("""
                steps:
                  - command: make
                    plugins:
                      - docker-login#v3.0.0
                      - kubernetes:
                          podSpec: {}
                      - docker#v5.0.0:
                          image: alpine
                """);
        List<PluginUse> plugins = step.plugins();
        assertEquals(List.of("docker-login#v3.0.0", "kubernetes", "docker#v5.0.0"),
                plugins.stream().map(PluginUse::source).toList());
        assertNull(plugins.get(0).config());
        assertEquals(span(4, 9, 4, 28), plugins.get(0).sourceNode().span());
        assertTrue(plugins.get(1).config() instanceof YMap m && m.has("podSpec"));
        assertEquals(span(5, 9, 5, 19), plugins.get(1).sourceNode().span());
        assertEquals("alpine", ((YMap) plugins.get(2).config()).string("image"));
    }

    @Test
    void pluginsAsOneMappingKeepTheirOrder() {
        CommandStep step = onlyStep("""
                steps:
                  - command: make
                    plugins:
                      docker#v5.0.0:
                        image: alpine
                      kubernetes:
                        podSpec: {}
                """);
        assertEquals(List.of("docker#v5.0.0", "kubernetes"), step.plugins().stream().map(PluginUse::source).toList());
        assertTrue(step.plugins().get(1).isKubernetes());
        assertFalse(step.plugins().get(0).isKubernetes());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "kubernetes, github.com/buildkite-plugins/kubernetes-buildkite-plugin, true, NULL",
        "buildkite-plugins/kubernetes, github.com/buildkite-plugins/kubernetes-buildkite-plugin, true, NULL",
        "kubernetes#v1.0.0, github.com/buildkite-plugins/kubernetes-buildkite-plugin, true, v1.0.0",
        "github.com/buildkite-plugins/kubernetes-buildkite-plugin, "
                + "github.com/buildkite-plugins/kubernetes-buildkite-plugin, true, NULL",
        "docker#v5.0.0, github.com/buildkite-plugins/docker-buildkite-plugin, false, v5.0.0",
        "my-org/kubernetes, github.com/my-org/kubernetes-buildkite-plugin, false, NULL",
    })
    void pluginSourcesAreCanonicalisedLikeTheAgent(String source, String canonical, boolean kubernetes, String ref) {
        PluginUse use = onlyStep("""
                steps:
                  - command: make
                    plugins:
                      - %s
                """.formatted(source)).plugins().get(0);
        assertEquals(source, use.source());
        assertEquals(canonical, use.canonicalLocation());
        assertEquals(kubernetes, use.isKubernetes());
        assertEquals(ref, use.ref());
    }

    @Test
    void stepsInheritPipelineEnvImageAndAgents() {
        Pipeline p = pipeline("""
                env:
                  SHARED: pipeline
                  ONLY_PIPELINE: p
                image: alpine:3.20
                agents:
                  queue: kubernetes
                steps:
                  - label: inherits
                    command: a
                  - label: overrides
                    command: b
                    image: moby/buildkit:v0.20.0
                    env:
                      SHARED: step
                    agents:
                      queue: other
                """);
        CommandStep inherits = p.steps().get(0);
        CommandStep overrides = p.steps().get(1);

        assertNull(inherits.image());
        assertEquals("alpine:3.20", inherits.effectiveImage().value());
        assertSame(p.image(), inherits.effectiveImage());
        assertEquals(span(4, 8, 4, 19), inherits.effectiveImage().span());
        assertEquals("pipeline", inherits.effectiveEnv().get("SHARED").value());
        assertEquals("pipeline env", inherits.effectiveEnv().get("SHARED").origin());
        assertEquals("kubernetes", ((YMap) inherits.effectiveAgents()).string("queue"));

        assertEquals("moby/buildkit:v0.20.0", overrides.effectiveImage().value());
        EnvVar shared = overrides.effectiveEnv().get("SHARED");
        assertEquals("step", shared.value());
        assertEquals("step env", shared.origin());
        assertEquals(span(14, 15, 14, 19), shared.valueNode().span());
        assertEquals("p", overrides.effectiveEnv().get("ONLY_PIPELINE").value());
        assertEquals("other", ((YMap) overrides.effectiveAgents()).string("queue"));
    }

    @Test
    void stepsGivenAsAStringIsAPipelineProblem() {
        Pipeline p = pipeline("""
                env:
                  A: b
                steps: "make all"
                """);
        assertEquals(List.of(), p.steps());
        assertEquals(1, p.problems().size());
        PipelineProblem problem = p.problems().get(0);
        assertTrue(problem.message().contains("a string"), problem.message());
        assertEquals(span(3, 8, 3, 18), problem.span());
    }

    @Test
    void nullStepsIsNoProblem() {
        Pipeline p = pipeline("steps:\n");
        assertEquals(List.of(), p.steps());
        assertEquals(List.of(), p.problems());
    }
}
