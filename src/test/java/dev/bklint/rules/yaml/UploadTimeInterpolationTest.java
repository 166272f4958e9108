package dev.bklint.rules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.engine.Linter;
import dev.bklint.report.EditApplier;
import dev.bklint.report.Finding;
import dev.bklint.report.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK006 over small pipelines: what it reports, where, what it says and which fix it offers. */
class UploadTimeInterpolationTest {
    private static final Linter LINTER = new Linter(RuleRegistry.load(), Options.defaults());

    private static List<Finding> bk006(String yaml) {
        return LINTER.lint(new SourceFile("pipeline.yml", yaml)).findings().stream()
                .filter(f -> f.rule().equals("BK006")).toList();
    }

    /** The source text a finding's span covers (single line). */
    private static String at(String yaml, Finding f) {
        String line = yaml.lines().toList().get(f.span().line() - 1);
        return line.substring(f.span().column() - 1, f.span().endColumn() - 1);
    }

    @Test
    void stepEnvIsNotAnUploadTimeSource() {
        String yaml = "steps:\n"
                + "  - env:\n"
                + "      TAG: v1\n"
                + "    command: docker build -t web:$TAG .\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("$TAG", at(yaml, f));
        assertTrue(f.message().contains("set in this step's own `env` (line 3)"), f.message());
        assertTrue(f.message().contains("Write `$$TAG`"), f.message());
        String fixed = EditApplier.apply(new SourceFile("pipeline.yml", yaml), f.fix().edits());
        assertTrue(fixed.contains("web:$$TAG ."), fixed);
        assertEquals(List.of(), bk006(fixed));
    }

    @Test
    void buildkiteVariablesAndPipelineEnvAreSilent() {
        String yaml = "env:\n"
                + "  REGISTRY: registry.example.com\n"
                + "  IMAGE: \"${REGISTRY}/web\"\n"
                + "steps:\n"
                + "  - label: \"build #$BUILDKITE_BUILD_NUMBER on ${BUILDKITE_BRANCH}\"\n"
                + "    command: docker build -t $IMAGE:${BUILDKITE_COMMIT:0:7} . && echo $CI $BUILDKITE\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void topLevelEnvSeesOnlyEarlierEntries() {
        String yaml = "env:\n"
                + "  IMAGE: \"$REGISTRY/web\"\n"
                + "  REGISTRY: registry.example.com\n"
                + "steps:\n"
                + "  - command: echo $IMAGE\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        assertEquals(2, found.get(0).span().line());
        assertEquals("$REGISTRY", at(yaml, found.get(0)));
        assertTrue(found.get(0).fix().edits().isEmpty(), "an env value is not run by a shell");
        assertTrue(found.get(0).message().contains("`env` is not run by a shell"), found.get(0).message());
    }

    @Test
    void listFormOfTheTopLevelEnv() {
        String yaml = "env:\n"
                + "  - REGISTRY=registry.example.com\n"
                + "  - IMAGE=${REGISTRY}/web:${VERSION}\n"
                + "steps:\n"
                + "  - command: echo $REGISTRY\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        assertEquals("${VERSION}", at(yaml, found.get(0)));
    }

    @Test
    void defaultsAndRequiredFormsOutsideCommandsAreDeliberate() {
        String yaml = "env:\n"
                + "  ACCOUNT: \"${ACCOUNT?is not set. Please specify an account}\"\n"
                + "  REGION: \"${REGION:-us-east-1}\"\n"
                + "steps:\n"
                + "  - label: \"Deploy ${ENVIRONMENT:-staging} to $ACCOUNT\"\n"
                + "    command: ./deploy \"${TARGET:-all}\"\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        assertEquals("${TARGET:-all}", at(yaml, found.get(0)));
    }

    @Test
    void malformedBraceIsAnError() {
        String yaml = "steps:\n"
                + "  - command: for v in a b; do echo ${!v}; done\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertEquals("${!v}", at(yaml, found.get(0)));
        assertTrue(found.get(0).message().contains("rejects the whole upload"), found.get(0).message());
        String fixed = EditApplier.apply(new SourceFile("pipeline.yml", yaml), found.get(0).fix().edits());
        assertTrue(fixed.contains("echo $${!v};"), fixed);
        assertEquals(List.of(), bk006(fixed));
    }

    @Test
    void keysAreInterpolatedToo() {
        String yaml = "steps:\n"
                + "  - command: make\n"
                + "    env:\n"
                + "      ${TARGET}_HOME: /opt\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        assertEquals("${TARGET}", at(yaml, found.get(0)));
        assertTrue(found.get(0).message().contains("A key is not run by a shell"), found.get(0).message());
    }

    @Test
    void labelsGetAdviceButNoEdit() {
        String yaml = "steps:\n"
                + "  - label: \"Deploy to $ENVIRONMENT\"\n"
                + "    command: ./deploy\n";
        Finding f = bk006(yaml).get(0);
        assertEquals("$ENVIRONMENT", at(yaml, f));
        assertTrue(f.fix().edits().isEmpty());
        assertTrue(f.message().contains("set `ENVIRONMENT` in the pipeline's top-level `env`"), f.message());
    }

    @Test
    void containerEnvInAPodSpecField() {
        String yaml = "steps:\n"
                + "  - command: make\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + "              - name: main\n"
                + "                image: alpine:3.20\n"
                + "                env:\n"
                + "                  - name: CACHE\n"
                + "                    value: /cache\n"
                + "                volumeMounts:\n"
                + "                  - name: cache\n"
                + "                    mountPath: $CACHE\n";
        Finding f = bk006(yaml).get(0);
        assertEquals(14, f.span().line());
        assertTrue(f.message().contains("set in the `env` of container `main` (line 10)"), f.message());
        assertTrue(f.message().contains("`mountPath` is not run by a shell"), f.message());
        assertTrue(f.fix().edits().isEmpty());
    }

    @Test
    void podSpecContainerCommandsAreRunByTheStepShell() {
        String yaml = "steps:\n"
                + "  - plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + "              - name: main\n"
                + "                image: alpine:3.20\n"
                + "                command: [sh, -c]\n"
                + "                args: [\"echo $HOME\"]\n";
        Finding f = bk006(yaml).get(0);
        assertEquals("$HOME", at(yaml, f));
        assertTrue(f.message().contains("the uploading agent's own `HOME`"), f.message());
        assertEquals(1, f.fix().edits().size());
    }

    @Test
    void aliasedTextIsReportedOnceWhereItIsWritten() {
        String yaml = "x-build: &build\n"
                + "  command: docker build -t web:$TAG .\n"
                + "steps:\n"
                + "  - <<: *build\n"
                + "    label: one\n"
                + "    env:\n"
                + "      TAG: one\n"
                + "  - <<: *build\n"
                + "    label: two\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        assertEquals(2, found.get(0).span().line());
        assertTrue(found.get(0).message().contains("this step's own `env` (line 7)"), found.get(0).message());
    }

    @Test
    void defaultsAreCheckedWhenTheOuterVariableIsKnown() {
        String yaml = "steps:\n"
                + "  - command: echo ${BUILDKITE_TAG:-$VERSION} ${MODE:-release}\n";
        List<Finding> found = bk006(yaml);
        assertEquals(2, found.size());
        assertEquals("$VERSION", at(yaml, found.get(0)));
        assertEquals("${MODE:-release}", at(yaml, found.get(1)));
        assertTrue(found.get(1).message().contains("or by `release` when that is empty"), found.get(1).message());
    }

    @Test
    void requiredVariablesFailTheUpload() {
        String yaml = "steps:\n"
                + "  - command: 'deploy --token \"${DEPLOY_TOKEN:?set DEPLOY_TOKEN}\"'\n";
        Finding f = bk006(yaml).get(0);
        assertEquals("${DEPLOY_TOKEN:?set DEPLOY_TOKEN}", at(yaml, f));
        assertTrue(f.message().contains("the whole upload fails"), f.message());
    }

    @Test
    void spansFollowQuotingAndBlocks() {
        String yaml = "steps:\n"
                + "  - command: \"echo \\\"$A\\\" \\\\$B $$C\"\n"
                + "  - command: >\n"
                + "      echo $D\n"
                + "      and $E\n";
        List<Finding> found = bk006(yaml);
        // "\\$B" in a double-quoted scalar is the value `\$B`: an escape, so only A, D and E.
        assertEquals(List.of("$A", "$D", "$E"), found.stream().map(f -> at(yaml, f)).toList());
        assertEquals(List.of(2, 4, 5), found.stream().map(f -> f.span().line()).toList());
    }

    @Test
    void escapesAndShellForms() {
        String yaml = "steps:\n"
                + "  - command: |\n"
                + "      echo $$HOME \\$USER $${PWD} \\${SHELL}\n"
                + "      v=$(date) ; echo $? $1 $@ $# $$ $ ; awk '{print $$1}'\n"
                + "      if [[ \"$$x\" =~ ^v.*$ ]]; then echo {{matrix}}; fi\n"
                + "    matrix: [a, b]\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void kubernetesObjectsAreNotInterpolated() {
        String yaml = "apiVersion: v1\n"
                + "kind: ConfigMap\n"
                + "metadata:\n"
                + "  name: scripts\n"
                + "data:\n"
                + "  build.sh: echo $HOME ${!x}\n"
                + "---\n"
                + "apiVersion: v1\n"
                + "kind: Pod\n"
                + "metadata:\n"
                + "  name: build\n"
                + "spec:\n"
                + "  containers:\n"
                + "    - name: main\n"
                + "      image: moby/buildkit:v0.32.2\n"
                + "      command: [sh, -c, \"echo $HOME\"]\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void bareListPipelines() {
        String yaml = "- command: echo $FOO\n"
                + "- wait\n";
        assertEquals(1, bk006(yaml).size());
    }
}
