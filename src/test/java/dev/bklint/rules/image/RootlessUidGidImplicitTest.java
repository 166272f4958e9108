package dev.bklint.rules.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.engine.Linter;
import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleFindings;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK106 reports a rootless container's uid/gid only when a pod-level value the file does not show could replace it. */
class RootlessUidGidImplicitTest {
    private static List<Finding> bk106(Options options, String path, String yaml) {
        return RuleFindings.of("BK106", options, path, yaml);
    }

    private static String step(String securityContext) {
        return "steps:\n"
                + "  - command: buildctl-daemonless.sh build --frontend dockerfile.v0 --local context=. "
                + "--local dockerfile=. --progress=plain\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + "              - name: main\n"
                + "                image: moby/buildkit:v0.32.2-rootless\n"
                + "                env:\n"
                + "                  - {name: BUILDKITD_FLAGS, value: --oci-worker-no-process-sandbox}\n"
                + "                securityContext:\n"
                + "                  seccompProfile: {type: Unconfined}\n"
                + "                  appArmorProfile: {type: Unconfined}\n"
                + securityContext;
    }

    /** The upstream examples' form: both ids on the container, no runAsNonRoot. Nothing can override them. */
    @Test
    void containerLevelIdsWithoutRunAsNonRootAreSilent() {
        String yaml = step("                  runAsUser: 1000\n                  runAsGroup: 1000\n");
        assertEquals(List.of(), bk106(Options.defaults(), "pipeline.yml", yaml));
    }

    @Test
    void imageOnlyIdsInAStepAreAnInfoNamingTheUnseenPatch() {
        List<Finding> found = bk106(Options.defaults(), "pipeline.yml", step(""));
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("without `runAsUser`/`runAsGroup`"), f.message());
        assertTrue(f.why().contains("`pod-spec-patch`"), f.why());
        assertTrue(!f.message().contains("runAsNonRoot") && !f.why().contains("runAsNonRoot"), f.text());
        assertEquals("runAsUser: 1000\nrunAsGroup: 1000", f.fix().snippet());
    }

    @Test
    void aKnownControllerPatchWithoutAUserLeavesNothingUnseen() throws YamlSyntaxError {
        ControllerConfig controller = ControllerConfig.parse(new SourceFile("values.yaml",
                "config:\n  pod-spec-patch:\n    serviceAccountName: builder\n"));
        assertEquals(List.of(), bk106(Options.defaults().withController(controller), "pipeline.yml", step("")));
    }

    /** A plain manifest is the whole pod: the image's USER is the effective user and nothing else can set one. */
    @Test
    void aManifestIsTheWholePod() {
        String yaml = "apiVersion: v1\n"
                + "kind: Pod\n"
                + "metadata: {name: buildkitd}\n"
                + "spec:\n"
                + "  containers:\n"
                + "    - name: buildkitd\n"
                + "      image: moby/buildkit:v0.32.2-rootless\n"
                + "      args: [--oci-worker-no-process-sandbox]\n"
                + "      securityContext:\n"
                + "        seccompProfile: {type: Unconfined}\n"
                + "        appArmorProfile: {type: Unconfined}\n";
        var result = new Linter(RuleRegistry.get(), Options.defaults()).lint(new SourceFile("pod.yaml", yaml));
        assertEquals(1, result.steps().get(0).buildkit().daemons().size(), "the rootless daemon is recognised");
        assertEquals(List.of(), bk106(Options.defaults(), "pod.yaml", yaml));
    }
}
