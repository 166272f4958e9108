package dev.bklint.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.rules.Options;
import dev.bklint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import dev.bklint.yaml.YamlSyntaxError;
import org.junit.jupiter.api.Test;

/** From a diagnosis to the step the job ran and the place in it: fixtures under fixtures/diagnose/link. */
class PipelineLinkTest {
    private static final String TWO = "fixtures/diagnose/link/two-builds.yml";
    private static final String API_COMMAND = "buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=api"
            + " --local dockerfile=api --output type=image,name=registry.example.com/api:%s,push=true";
    private static final String WEB_COMMAND = "buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=web"
            + " --local dockerfile=web --output type=image,name=registry.example.com/web:latest,push=true";

    private static SourceFile pipeline(String path) throws IOException {
        return new SourceFile(path, Files.readString(Path.of(path)));
    }

    private static Cause cause(String rule, String pointsAt) {
        return new Cause("test-cause", "a test cause", "cause", 500, rule, List.of(), Set.of(), List.of(), List.of(),
                pointsAt, List.of(), "why", "", "fix", List.of(), List.of(), List.of());
    }

    private static PipelineLink.Result link(String path, IncidentContext context, String step, Cause cause)
            throws IOException {
        return PipelineLink.link(List.of(pipeline(path)), Options.defaults(), context, step, cause);
    }

    private static IncidentContext commands(String... commands) {
        return new IncidentContext(List.of(commands), List.of(), List.of());
    }

    @Test
    void theStepOptionChoosesByKeyOrLabelExactly() throws IOException {
        PipelineLink.Link byKey = link(TWO, IncidentContext.EMPTY, "web", cause("none", null)).link();
        assertEquals(":docker: web", byKey.stepLabel());
        assertEquals("web", byKey.stepKey());
        assertEquals("--step", byKey.how());
        assertEquals(":docker: api", link(TWO, IncidentContext.EMPTY, ":docker: api", cause("none", null)).link()
                .stepLabel());
        PipelineLink.Result none = link(TWO, IncidentContext.EMPTY, "docker", cause("none", null));
        assertNull(none.link());
        assertTrue(none.reason().contains("--step"), none.reason());
    }

    @Test
    void anExactEchoedCommandTellsTwoBuildkitStepsApart() throws IOException {
        PipelineLink.Link link = link(TWO, commands("  " + WEB_COMMAND.replace(" --local", "   --local")), null,
                cause("none", null)).link();
        assertEquals(":docker: web", link.stepLabel());
        assertEquals("echoed command", link.how());
        assertEquals("web-builder", link.container());
    }

    @Test
    void anUploadTimeVariableIsAWildcardInTheEchoedCommand() throws IOException {
        PipelineLink.Link link = link(TWO, commands(API_COMMAND.formatted("4.9.0-alpha.9462328284")), null,
                cause("none", null)).link();
        assertEquals(":docker: api", link.stepLabel());
        assertEquals("echoed command", link.how());
        // the wildcard stands for the variable only: another image name is no match
        PipelineLink.Result other = link(TWO, commands(API_COMMAND.replace("/api:", "/worker:").formatted("1")), null,
                cause("none", null));
        assertNull(other.link());
        assertEquals(List.of(":docker: api", ":docker: web"), other.candidates());
    }

    @Test
    void aContainerNameOrAnImageChoosesTheStepWhenNoCommandWasEchoed() throws IOException {
        PipelineLink.Link byContainer = link(TWO, new IncidentContext(List.of(), List.of("web-builder"), List.of()),
                null, cause("none", null)).link();
        assertEquals(":docker: web", byContainer.stepLabel());
        assertEquals("container", byContainer.how());
        // the kubelet names the image with its registry; the pipeline writes docker.io, or nothing
        PipelineLink.Link byImage = link(TWO, new IncidentContext(List.of(), List.of("container-0"),
                List.of("docker.io/moby/buildkit:v0.32.2")), null, cause("none", null)).link();
        assertEquals(":docker: api", byImage.stepLabel());
        assertEquals("image", byImage.how());
    }

    @Test
    void twoBuildkitStepsAndNoEvidenceAreAmbiguous() throws IOException {
        PipelineLink.Result result = link(TWO, IncidentContext.EMPTY, null, cause("BK101", null));
        assertNull(result.link());
        assertEquals(List.of(":docker: api", ":docker: web"), result.candidates());
        assertTrue(result.reason().contains("--step"), result.reason());
    }

    @Test
    void theOnlyBuildkitStepIsChosenUnlessTheLogContradictsIt() throws IOException {
        PipelineLink.Link link = link("fixtures/diagnose/link/anchored.yml", IncidentContext.EMPTY, null,
                cause("none", null)).link();
        assertEquals(":docker: build", link.stepLabel());
        assertEquals("only BuildKit step", link.how());
        assertEquals(10, link.line()); // no points-at, no rule: the step itself
        PipelineLink.Result contradicted = link("fixtures/diagnose/link/anchored.yml", commands("make test"), null,
                cause("none", null));
        assertNull(contradicted.link());
        assertTrue(contradicted.reason().contains("echoed commands"), contradicted.reason());
    }

    @Test
    void theRuleFiresOnTheChosenStepButNotOnTheOther() throws IOException {
        Cause bk101 = cause("BK101", "container.securityContext.privileged");
        PipelineLink.Link api = link(TWO, IncidentContext.EMPTY, "api", bk101).link();
        assertNotNull(api.finding());
        assertEquals("BK101", api.finding().rule());
        assertEquals(TWO, api.path());
        assertEquals(16, api.line());
        assertEquals(31, api.column());
        assertNotNull(api.finding().fix());
        PipelineLink.Link web = link(TWO, IncidentContext.EMPTY, "web", bk101).link();
        assertNull(web.finding()); // BK101 fires on api, not here: the link points at the field instead
        assertEquals(28, web.line());
        assertEquals(31, web.column());
        assertFalse(web.fieldMissing());
        assertEquals("container.securityContext.privileged", web.field());
    }

    @Test
    void pointsAtFollowsAnAnchorToWhereTheValueIsWritten() throws IOException {
        PipelineLink.Link link = link("fixtures/diagnose/link/anchored.yml", IncidentContext.EMPTY, null,
                cause("none", "container.securityContext.allowPrivilegeEscalation")).link();
        assertEquals(4, link.line());
        assertEquals(29, link.column());
        assertFalse(link.fieldMissing());
    }

    @Test
    void pointsAtFollowsPodSpecPatchAndTheStepImage() throws IOException {
        String patched = "fixtures/diagnose/link/patched.yml";
        PipelineLink.Link privileged = link(patched, IncidentContext.EMPTY, null,
                cause("none", "container.securityContext.privileged")).link();
        assertEquals("container-0", privileged.container());
        assertEquals(12, privileged.line());
        assertEquals(31, privileged.column());
        PipelineLink.Link image = link(patched, IncidentContext.EMPTY, null, cause("none", "container.image")).link();
        assertEquals(4, image.line());
        assertEquals(12, image.column());
        assertFalse(image.fieldMissing());
    }

    @Test
    void aMissingFieldPointsAtTheMappingItMustBeAddedTo() throws IOException {
        String bare = "fixtures/diagnose/link/no-security.yml";
        PipelineLink.Link privileged = link(bare, IncidentContext.EMPTY, null,
                cause("none", "container.securityContext.privileged")).link();
        assertTrue(privileged.fieldMissing());
        assertEquals(9, privileged.line()); // the container `builder`'s mapping
        assertEquals(17, privileged.column());
        PipelineLink.Link timeout = link(bare, IncidentContext.EMPTY, null, cause("none", "step.timeout_in_minutes"))
                .link();
        assertTrue(timeout.fieldMissing());
        assertEquals(3, timeout.line()); // the step
        assertEquals("step.timeout_in_minutes", timeout.field());
    }

    @Test
    void aFindingOutsideTheFieldStillWinsWhenTheRuleFires() throws IOException {
        PipelineLink.Link link = link("fixtures/diagnose/link/no-security.yml", IncidentContext.EMPTY, null,
                cause("BK201", "container.env.BUILDKITD_FLAGS")).link();
        assertEquals("BK201", link.finding().rule());
        assertEquals(4, link.line());
        assertEquals(14, link.column());
        assertNull(link.field());
    }

    @Test
    void aControllerPatchIsFollowedIntoTheControllerConfiguration() throws IOException, YamlSyntaxError {
        String pipeline = "fixtures/diagnose/link/image-only.yml";
        Cause bk101 = cause("BK101", "container.securityContext.privileged");
        // without the controller's configuration BK101 fires on the step's image
        PipelineLink.Link bare = link(pipeline, IncidentContext.EMPTY, null, bk101).link();
        assertEquals("BK101", bare.finding().rule());
        assertEquals(4, bare.line());
        // with it, the container is privileged, the rule is silent, and the field is in the controller's file
        String values = "fixtures/diagnose/link/controller-values.yaml";
        Options options = Options.defaults().withController(ControllerConfig.parse(pipeline(values)));
        PipelineLink.Link patched = PipelineLink.link(List.of(pipeline(pipeline)), options, IncidentContext.EMPTY,
                null, bk101).link();
        assertNull(patched.finding());
        assertEquals(values, patched.path());
        assertEquals(7, patched.line());
        assertEquals(23, patched.column());
        // a field nobody sets has no mapping to go to but the step: the default container is the controller's
        PipelineLink.Link missing = link(pipeline, IncidentContext.EMPTY, null,
                cause("none", "container.securityContext.runAsUser")).link();
        assertTrue(missing.fieldMissing());
        assertEquals(pipeline, missing.path());
        assertEquals(3, missing.line());
    }

    @Test
    void aFindingAtAnAnchorBelongsToTheStepThatUsesItWithTheMistake() throws IOException {
        String anchored = "fixtures/diagnose/link/anchored-mistake.yml";
        Cause bk101 = cause("BK101", "container.securityContext.privileged");
        // `cd api`, one line of a command list, is echoed on its own
        PipelineLink.Link api = link(anchored, commands("cd api"), null, bk101).link();
        assertEquals(":docker: api", api.stepLabel());
        assertEquals("echoed command", api.how());
        assertEquals("BK101", api.finding().rule());
        assertEquals(7, api.line()); // at the anchor, where the mistake is written
        assertEquals(17, api.column());
        // the web step merges the same anchor but overrides the field: the rule's finding is not its own
        PipelineLink.Link web = link(anchored, commands("buildctl-daemonless.sh build --frontend dockerfile.v0"
                + " --local context=web --local dockerfile=web --progress=plain"), null, bk101).link();
        assertEquals(":docker: web", web.stepLabel());
        assertNull(web.finding());
        assertEquals(32, web.line());
        assertEquals(31, web.column());
    }

    @Test
    void theSampleWithAPipelineLinksToItsExpectedLine() throws IOException {
        Path log = Path.of("fixtures/diagnose/s08-buildkit-tools-not-found.log");
        List<String> lines = Files.readAllLines(log);
        List<String> echoed = lines.stream().filter(l -> l.startsWith("$ ")).map(l -> l.substring(2)).toList();
        int expected = Integer.parseInt(lines.stream().filter(l -> l.startsWith("# expect-pipeline-line: "))
                .findFirst().orElseThrow().substring("# expect-pipeline-line: ".length()).trim());
        Cause cause = CauseCatalog.get().causes().stream().filter(c -> c.id().equals("buildkit-tools-missing"))
                .findFirst().orElseThrow();
        PipelineLink.Link link = link(log.resolveSibling("s08-buildkit-tools-not-found.pipeline.yml").toString(),
                commands(echoed.toArray(new String[0])), null, cause).link();
        assertEquals("echoed command", link.how());
        assertEquals(expected, link.line());
        assertEquals(cause.rule(), link.finding().rule());
    }

    @Test
    void anEnvVariableAndAPodFieldAreFoundOrPlacedInThePodSpec() throws IOException {
        String env = "fixtures/diagnose/link/rootless-env.yml";
        PipelineLink.Link flags = link(env, IncidentContext.EMPTY, null,
                cause("none", "container.env.BUILDKITD_FLAGS")).link();
        assertFalse(flags.fieldMissing());
        assertEquals(13, flags.line());
        assertEquals(28, flags.column());
        PipelineLink.Link volumes = link(env, IncidentContext.EMPTY, null, cause("none", "pod.volumes")).link();
        assertTrue(volumes.fieldMissing());
        assertEquals(8, volumes.line()); // the podSpec mapping
        assertEquals(13, volumes.column());
        PipelineLink.Link noEnv = link("fixtures/diagnose/link/no-security.yml", IncidentContext.EMPTY, null,
                cause("none", "container.env.BUILDKITD_FLAGS")).link();
        assertTrue(noEnv.fieldMissing());
        assertEquals(9, noEnv.line()); // no env list: the container
    }

    @Test
    void aCommandOfVariablesAloneIsNoEvidence() throws IOException {
        String scripted = "fixtures/diagnose/link/scripted.yml";
        PipelineLink.Result result = link(scripted, commands("make image"), null, cause("none", null));
        assertNull(result.link());
        assertEquals(List.of(":docker: scripted", ":docker: plain"), result.candidates());
        assertEquals(":docker: plain", link(scripted, commands("buildctl-daemonless.sh build --frontend"
                + " dockerfile.v0 --local context=. --local dockerfile=. --progress=plain"), null, cause("none", null))
                .link().stepLabel());
    }
}
