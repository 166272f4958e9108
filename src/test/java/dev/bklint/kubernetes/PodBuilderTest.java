package dev.bklint.kubernetes;

import static dev.bklint.TestPipelines.onlyStep;
import static dev.bklint.TestPipelines.pod;
import static dev.bklint.TestPipelines.span;
import static dev.bklint.TestPipelines.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.pipeline.CommandStep;
import dev.bklint.pipeline.EnvVar;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodBuilderTest {

    private static List<String> names(List<PodContainer> containers) {
        return containers.stream().map(PodContainer::name).toList();
    }

    private static PodContainer only(EffectivePod pod) {
        assertEquals(1, pod.containers().size(), "containers: " + names(pod.containers()));
        return pod.containers().get(0);
    }

    @Test
    void noContainersGiveTheDefaultContainer0RunningTheStepCommand() {
        EffectivePod pod = pod("""
                steps:
                  - command: make
                    plugins:
                      - kubernetes:
                          podSpec: {}
                """);
        PodContainer c = only(pod);
        assertEquals("container-0", c.name());
        assertEquals(PodContainer.Kind.COMMAND, c.kind());
        assertTrue(c.isSynthetic());
        assertNull(c.image(), "the controller's default image is not in the pipeline");
        assertEquals(ImageSource.CONTROLLER_DEFAULT, c.imageSource());
        assertFalse(c.ownCommand());
        assertSame(pod.step().command(), c.script());
        assertFalse(pod.fromTemplate());
    }

    @Test
    void stepWithoutThePluginStillGetsContainer0() {
        CommandStep step = onlyStep("""
                steps:
                  - command: make
                    image: alpine:3.20
                """);
        assertNull(KubernetesPlugin.of(step));
        EffectivePod pod = PodBuilder.build(step, null);
        PodContainer c = only(pod);
        assertEquals("container-0", c.name());
        assertEquals("alpine:3.20", c.image().value());
        assertEquals(ImageSource.STEP_IMAGE, c.imageSource());
        assertNull(c.replacedImage());
        assertNull(pod.spec());
    }

    @Test
    void unnamedContainersAreNamedByTheirIndex() {
        EffectivePod pod = pod("""
                steps:
                  - command: make
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: alpine:3.20
                              - name: named
                                image: alpine:3.20
                              - image: busybox:1.36
                """);
        assertEquals(List.of("container-0", "named", "container-2"), names(pod.containers()));
        PodContainer third = pod.containers().get(2);
        assertEquals("busybox:1.36", third.image().value());
        assertEquals(ImageSource.POD_SPEC, third.imageSource());
        assertEquals(span(10, 24, 10, 36), third.image().span());
    }

    @Test
    void stepImageReplacesThePodSpecBuildkitImage() {
        PodContainer c = only(pod("""
                steps:
                  - command: buildctl-daemonless.sh build
                    image: alpine:3.20
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: builder
                                image: moby/buildkit:v0.20.0
                """));
        assertEquals("alpine:3.20", c.image().value());
        assertEquals(span(3, 12, 3, 23), c.image().span());
        assertEquals(ImageSource.STEP_IMAGE, c.imageSource());
        assertEquals("moby/buildkit:v0.20.0", c.replacedImage().value());
        assertEquals(span(9, 24, 9, 45), c.replacedImage().span());
    }

    @Test
    void pipelineImageReplacesThePodSpecImageUnlessTheStepSetsOne() {
        List<CommandStep> steps = steps("""
                image: alpine:3.20
                steps:
                  - label: inherits
                    command: buildctl-daemonless.sh build
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: moby/buildkit:v0.20.0
                  - label: own
                    command: buildctl-daemonless.sh build
                    image: debian:12
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: moby/buildkit:v0.20.0
                """);
        PodContainer inherits = only(PodBuilder.build(steps.get(0), KubernetesPlugin.of(steps.get(0))));
        assertEquals("alpine:3.20", inherits.image().value());
        assertEquals(ImageSource.PIPELINE_IMAGE, inherits.imageSource());
        assertEquals(1, inherits.image().span().line());
        assertEquals("moby/buildkit:v0.20.0", inherits.replacedImage().value());
        assertEquals(9, inherits.replacedImage().span().line());

        PodContainer own = only(PodBuilder.build(steps.get(1), KubernetesPlugin.of(steps.get(1))));
        assertEquals("debian:12", own.image().value());
        assertEquals(ImageSource.STEP_IMAGE, own.imageSource());
        assertEquals(17, own.replacedImage().span().line());
    }

    @Test
    void podSpecPatchImageWinsOverTheStepImage() {
        PodContainer c = only(pod("""
                steps:
                  - command: buildctl-daemonless.sh build
                    image: alpine:3.20
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: builder
                                image: moby/buildkit:v0.20.0
                          podSpecPatch:
                            containers:
                              - name: builder
                                image: moby/buildkit:v0.20.0-rootless
                """));
        assertEquals("moby/buildkit:v0.20.0-rootless", c.image().value());
        assertEquals(ImageSource.PATCH, c.imageSource());
        assertEquals(13, c.image().span().line());
        assertNull(c.replacedImage());
    }

    @Test
    void nullImageInThePatchLeavesThePodSpecImage() {
        PodContainer c = only(pod("""
                steps:
                  - command: buildctl-daemonless.sh build
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: builder
                                image: moby/buildkit:v0.20.0
                          podSpecPatch:
                            containers:
                              - name: builder
                                image: ~
                """));
        assertEquals("moby/buildkit:v0.20.0", c.image().value());
        assertEquals(ImageSource.POD_SPEC, c.imageSource());
    }

    @Test
    void podSpecPatchMergesSecurityContextFieldByFieldAndAddsUnknownContainers() {
        EffectivePod pod = pod("""
                steps:
                  - command: buildctl-daemonless.sh build
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - name: builder
                                image: moby/buildkit:v0.20.0
                                securityContext:
                                  privileged: true
                                  runAsUser: 0
                          podSpecPatch:
                            containers:
                              - name: builder
                                securityContext:
                                  runAsUser: 1000
                                  allowPrivilegeEscalation: true
                              - name: watcher
                                image: busybox:1.36
                                command: [sleep, "10"]
                """);
        assertEquals(List.of("builder", "watcher"), names(pod.containers()));
        PodContainer builder = pod.containers().get(0);
        assertEquals(ImageSource.POD_SPEC, builder.imageSource());
        assertTrue(builder.security("privileged").isTrue());
        assertEquals(10, builder.security("privileged").value().span().line());
        assertEquals(1000L, builder.security("runAsUser").integer());
        assertEquals(span(16, 30, 16, 34), builder.security("runAsUser").value().span());
        assertTrue(builder.security("allowPrivilegeEscalation").isTrue());
        assertFalse(builder.security("runAsUser").podLevel());

        PodContainer watcher = pod.containers().get(1);
        assertEquals(PodContainer.Kind.UNMANAGED, watcher.kind());
        assertEquals(ImageSource.PATCH, watcher.imageSource());
        assertEquals("busybox:1.36", watcher.image().value());
        assertTrue(watcher.ownCommand());
        assertEquals(List.of(), pod.sidecars());
    }

    @Test
    void podRunAsUserIsInheritedUnlessTheContainerSetsIt() {
        EffectivePod pod = pod("""
                steps:
                  - command: make
                    plugins:
                      - kubernetes:
                          podSpec:
                            securityContext:
                              runAsUser: 1000
                              privileged: true
                            containers:
                              - name: inherits
                                image: moby/buildkit:v0.20.0-rootless
                              - name: own
                                image: moby/buildkit:v0.20.0
                                securityContext:
                                  runAsUser: 0
                """);
        PodContainer inherits = pod.containers().get(0);
        Setting uid = inherits.security("runAsUser");
        assertEquals(1000L, uid.integer());
        assertTrue(uid.podLevel());
        assertEquals(span(7, 26, 7, 30), uid.value().span());
        assertNull(inherits.security("privileged"), "privileged is a container-only field");

        Setting own = pod.containers().get(1).security("runAsUser");
        assertEquals(0L, own.integer());
        assertFalse(own.podLevel());
        assertEquals(15, own.value().span().line());
        assertNull(pod.containers().get(1).security("privileged"));
    }

    @Test
    void envPrecedenceIsContainerThenStepThenPipeline() {
        PodContainer c = only(pod("""
                env:
                  A: pipeline
                  B: pipeline
                  C: pipeline
                steps:
                  - command: make
                    env:
                      A: step
                      B: step
                    plugins:
                      - kubernetes:
                          podSpec:
                            containers:
                              - image: alpine:3.20
                                env:
                                  - name: A
                                    value: container
                """));
        EnvVar a = c.env().get("A");
        assertEquals("container", a.value());
        assertEquals("container env", a.origin());
        assertEquals(span(17, 28, 17, 37), a.valueNode().span());
        assertEquals("step", c.env().get("B").value());
        assertEquals("step env", c.env().get("B").origin());
        assertEquals(9, c.env().get("B").valueNode().span().line());
        assertEquals("pipeline", c.env().get("C").value());
        assertEquals("pipeline env", c.env().get("C").origin());
    }

    @Test
    void extraVolumeMountsAreAddedToEveryCommandContainer() {
        EffectivePod pod = pod("""
                steps:
                  - command: make
                    plugins:
                      - kubernetes:
                          extraVolumeMounts:
                            - name: cache
                              mountPath: /cache/
                          podSpec:
                            volumes:
                              - name: cache
                                persistentVolumeClaim:
                                  claimName: build-cache
                            containers:
                              - name: a
                                image: alpine:3.20
                              - name: b
                                image: alpine:3.20
                                volumeMounts:
                                  - name: other
                                    mountPath: /other
                """);
        for (PodContainer c : pod.containers()) {
            Mount m = c.mountAt("/cache");
            assertNotNull(m, c.name());
            assertEquals("/cache", m.mountPath());
            assertEquals("cache", m.volumeName());
            assertEquals("persistentVolumeClaim", m.volumeKind());
            assertEquals(6, m.node().span().line());
        }
        assertEquals(List.of("/other", "/cache"),
                pod.containers().get(1).mounts().stream().map(Mount::mountPath).toList());
        assertNull(pod.containers().get(1).mountAt("/other").volumeKind(), "no volume named other");
    }

    @Test
    void mountOfAnEmptyDirVolumeReportsItsKind() {
        PodContainer c = only(pod("""
                steps:
                  - command: buildctl-daemonless.sh build
                    plugins:
                      - kubernetes:
                          podSpec:
                            volumes:
                              - name: state
                                emptyDir: {}
                            containers:
                              - image: moby/buildkit:v0.20.0
                                volumeMounts:
                                  - name: state
                                    mountPath: /var/lib/buildkit
                """));
        Mount m = c.mountAt("/var/lib/buildkit/");
        assertNotNull(m);
        assertEquals("emptyDir", m.volumeKind());
        assertEquals(span(7, 17, 8, 29), m.volume().span());
    }

    @Test
    void sidecarsAreListedSeparatelyWithTheirOwnCommand() {
        EffectivePod pod = pod("""
                steps:
                  - command: redis-cli ping
                    image: redis:7
                    env:
                      STEP: x
                    plugins:
                      - kubernetes:
                          sidecars:
                            - image: redis:7
                              command: [redis-server]
                              args: [--port, "6380"]
                              env:
                                - name: OWN
                                  value: y
                """);
        assertEquals(List.of("container-0"), names(pod.containers()));
        assertEquals(1, pod.sidecars().size());
        PodContainer sidecar = pod.sidecars().get(0);
        assertEquals("sidecar-0", sidecar.name());
        assertEquals(PodContainer.Kind.SIDECAR, sidecar.kind());
        assertTrue(sidecar.ownCommand());
        assertEquals("redis-server --port 6380", sidecar.script().text());
        assertEquals(span(10, 25, 10, 37), sidecar.script().span(0, "redis-server".length()));
        assertEquals("redis:7", sidecar.image().value());
        assertEquals(9, sidecar.image().span().line(), "a step image: does not replace a sidecar's image");
        assertEquals("y", sidecar.env().get("OWN").value());
        assertNull(sidecar.env().get("STEP"), "sidecars get only their own env");
        assertEquals(List.of("container-0", "sidecar-0"), names(pod.allContainers()));
        assertEquals("redis-cli ping", pod.containers().get(0).script().text());
    }

    @Test
    void podTemplateWithoutPodSpecGivesNoContainers() {
        EffectivePod pod = pod("""
                steps:
                  - command: make
                    plugins:
                      - kubernetes:
                          podTemplate: buildkit-template
                """);
        assertTrue(pod.fromTemplate());
        assertEquals(List.of(), pod.containers());
        assertNull(pod.spec());
    }

    @Test
    void podTemplateIsIgnoredWhenAPodSpecIsGiven() {
        EffectivePod pod = pod("""
                steps:
                  - command: make
                    plugins:
                      - kubernetes:
                          podTemplate: buildkit-template
                          podSpec: {}
                """);
        assertFalse(pod.fromTemplate());
        assertEquals(List.of("container-0"), names(pod.containers()));
    }
}
