package dev.bklint.rules.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.engine.Linter;
import dev.bklint.report.EditApplier;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BK006 over small pipelines: what it reports, where, what it says and which fix it offers. */
class UploadTimeInterpolationTest {
    private static final Linter LINTER = new Linter(RuleRegistry.get(), Options.defaults());

    private static List<Finding> bk006(String yaml) {
        return LINTER.lint(new SourceFile("pipeline.yml", yaml)).findings().stream()
                .filter(f -> f.rule().equals("BK006")).toList();
    }

    /** The source text a finding's span covers (single line). */
    private static String at(String yaml, Finding f) {
        String line = yaml.lines().toList().get(f.span().line() - 1);
        return line.substring(f.span().column() - 1, f.span().endColumn() - 1);
    }

    /** The texts of the BK006 findings of {@code yaml}, in order. */
    private static List<String> texts(String yaml) {
        return bk006(yaml).stream().map(f -> at(yaml, f)).toList();
    }

    // --- evidence that the variable exists only at run time: each kind fires ---

    @Test
    void stepEnvIsRuntimeEvidence() {
        String yaml = "steps:\n"
                + "  - env:\n"
                + "      TAG: v1\n"
                + "    command: docker build -t web:$TAG .\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("$TAG", at(yaml, f));
        assertTrue(f.why().contains("`TAG` is set in this step's `env` (line 3)"), f.why());
        assertTrue(f.fix().description().contains("Write `$$TAG`"), f.fix().description());
        assertTrue(f.message().startsWith("`$TAG` is expanded when the pipeline is uploaded"), f.message());
        String fixed = EditApplier.apply(new SourceFile("pipeline.yml", yaml), f.fix().edits());
        assertTrue(fixed.contains("web:$$TAG ."), fixed);
        assertEquals(List.of(), bk006(fixed));
    }

    @Test
    void assignedEarlierInTheScriptIsRuntimeEvidence() {
        String yaml = "steps:\n"
                + "  - commands:\n"
                + "      - VERSION=$(cat VERSION)\n"
                + "      - export REGION=eu-west-1 && echo $REGION\n"
                + "      - read -r -p 'name? ' ANSWER; echo $ANSWER\n"
                + "      - for f in a b; do echo $f; done\n"
                + "      - local_only() { local SCRATCH=/tmp/x; echo $SCRATCH; }\n"
                + "      - echo $VERSION\n";
        assertEquals(List.of("$REGION", "$ANSWER", "$f", "$SCRATCH", "$VERSION"), texts(yaml));
        assertTrue(bk006(yaml).get(0).why().contains("assigned earlier in this command script"));
    }

    @Test
    void anAssignmentAfterTheUseOrAsAnArgumentIsNotEvidence() {
        String yaml = "steps:\n"
                + "  - command: |\n"
                + "      echo $LATER\n"
                + "      LATER=1\n"
                + "      PATH=$PATH:/opt/bin\n"
                + "      docker build --build-arg VERSION=1 -t web:$VERSION .\n"
                + "      echo \"X=1\" && echo $X\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void containerEnvIsRuntimeEvidence() {
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
                + "                command: [sh, -c]\n"
                + "                args: [\"du -sh $CACHE\"]\n"
                + "                volumeMounts:\n"
                + "                  - name: cache\n"
                + "                    mountPath: $CACHE\n";
        List<Finding> found = bk006(yaml);
        assertEquals(List.of(13, 16), found.stream().map(f -> f.span().line()).toList());
        assertTrue(found.get(0).why().contains("set in the `env` of container `main` (line 10)"));
        assertEquals(1, found.get(0).fix().edits().size(), "args are run by the step's shell");
        assertTrue(found.get(1).why().contains("No shell reads `mountPath`"), found.get(1).why());
        assertTrue(found.get(1).fix().edits().isEmpty(), "no edit where no shell runs");
    }

    @Test
    void stepSecretsAreRuntimeEvidence() {
        String yaml = "steps:\n"
                + "  - command: npm publish --token $NPM_PUBLISH\n"
                + "    secrets:\n"
                + "      NPM_PUBLISH: npm_token\n"
                + "  - command: echo ${API_KEY}\n"
                + "    secrets: [API_KEY]\n";
        List<Finding> found = bk006(yaml);
        assertEquals(List.of("$NPM_PUBLISH", "${API_KEY}"), texts(yaml));
        assertTrue(found.get(0).why().contains("one of this step's `secrets` (line 4)"), found.get(0).why());
    }

    @Test
    void secretLikeNamesThatAPluginOrAPodSecretProvides() {
        String yaml = "steps:\n"
                + "  - command: gh release create --token $GITHUB_TOKEN $OTHER_VALUE\n"
                + "    plugins:\n"
                + "      - seek-oss/aws-sm#v2.3.2:\n"
                + "          env:\n"
                + "            GITHUB_TOKEN: ci/github-token\n"
                + "            OTHER_VALUE: ci/other\n"
                + "  - command: 'curl -H \"Authorization: $REGISTRY_PASSWORD\" $REGISTRY_HOST'\n"
                + "    plugins:\n"
                + "      - kubernetes:\n"
                + "          podSpec:\n"
                + "            containers:\n"
                + "              - image: alpine:3.20\n"
                + "                envFrom:\n"
                + "                  - secretRef: {name: registry}\n";
        // A plugin naming a variable is evidence only for a name the agent would redact (`*_TOKEN`, ...).
        assertEquals(List.of("$GITHUB_TOKEN", "$REGISTRY_PASSWORD"), texts(yaml));
        assertTrue(bk006(yaml).get(1).why().contains("`envFrom`, line 15"), bk006(yaml).get(1).why());
    }

    @Test
    void defaultsAndRequiredFormsInACommandWithEvidence() {
        String yaml = "steps:\n"
                + "  - env: {MODE: debug, TARGET: all}\n"
                + "    command: echo ${MODE:-release} ${TARGET?}\n";
        List<Finding> found = bk006(yaml);
        assertEquals(List.of("${MODE:-release}", "${TARGET?}"), texts(yaml));
        assertTrue(found.get(0).why().contains("so the default `release`"), found.get(0).why());
        assertTrue(found.get(1).why().contains("the whole upload fails unless the uploader has `TARGET`"));
    }

    // --- silent without evidence, and for the look-alikes of the real-file review ---

    @Test
    void noEvidenceNoFinding() {
        // The uploader may well set these: a generated or parametrised pipeline.
        String yaml = "steps:\n"
                + "  - command: ./deploy --account $ACCOUNT_ID --image $IMAGE:${TAG:-latest} $HOME/bin\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void uploadTimeParametersAreSilentEvenWithEvidence() {
        String yaml = "steps:\n"
                + "  - label: \"build ${PLATFORM}\"\n"
                + "    key: \"build-${PLATFORM}\"\n"
                + "    env:\n"
                + "      PLATFORM: linux\n"
                + "    command: " + "make PLATFORM=${PLATFORM} && echo $PLATFORM; ".repeat(13) + "\n"
                + "  - depends_on: \"build-${PLATFORM}\"\n"
                + "    if: build.env(\"X\") == \"$RELEASE\"\n"
                + "    command: RELEASE=1 ./publish $RELEASE\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void pluginConfigAndEnvValuesWithoutEvidenceAreSilent() {
        String yaml = "env:\n"
                + "  PATH: \"$HOME/.local/bin:$PATH\"\n"
                + "  ROLE: \"arn:aws:iam::${ACCOUNT_ID}:role/deploy\"\n"
                + "steps:\n"
                + "  - command: make\n"
                + "    env:\n"
                + "      CACHE_DIR: \"$CACHE_ROOT/web\"\n"
                + "      MODE: \"${MODE:-release}\"\n"
                + "    plugins:\n"
                + "      - aws-assume-role-with-web-identity#v1.0.0:\n"
                + "          role-arn: \"arn:aws:iam::${ACCOUNT_ID}:role/deploy\"\n"
                + "      - docker#v5.12.0:\n"
                + "          image: \"$REGISTRY/builder:${BUILDER_TAG}\"\n"
                + "    command: echo $MODE\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void defaultsAndRequiredFormsOutsideCommandsAreDeliberate() {
        String yaml = "env:\n"
                + "  ACCOUNT: \"${ACCOUNT?is not set. Please specify an account}\"\n"
                + "  REGION: \"${REGION:-us-east-1}\"\n"
                + "steps:\n"
                + "  - env: {TARGET: web}\n"
                + "    label: \"Deploy ${ENVIRONMENT:-staging} to $ACCOUNT\"\n"
                + "    artifact_paths: \"${TARGET-web}/*.tgz\"\n"
                + "    command: ./deploy\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void aBlockThatEscapesOtherVariablesGetsAtMostAnInfo() {
        String yaml = "steps:\n"
                + "  - env: {TAG: v1}\n"
                + "    command: |\n"
                + "      echo $$BUILDCTL_ADDR\n"
                + "      docker build -t web:$TAG .\n"
                + "  - env: {TAG: v1}\n"
                + "    command: echo $$TAG; echo $TAG\n";
        List<Finding> found = bk006(yaml);
        assertEquals(2, found.size());
        assertEquals(Severity.INFO, found.get(0).severity());
        assertTrue(found.get(0).why().contains("may be meant for upload time"), found.get(0).why());
        // The same variable escaped once and not the other time is a slip: a warning.
        assertEquals(Severity.WARNING, found.get(1).severity());
    }

    @Test
    void oneFindingPerLineAndVariable() {
        String yaml = "steps:\n"
                + "  - env: {TAG: v1}\n"
                + "    command: " + "docker push web:$TAG; ".repeat(39) + "echo ${TAG}\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
    }

    @Test
    void yamlThatIsNotAPipelineIsSilent() {
        String yaml = "sources:\n"
                + "  logs:\n"
                + "    type: file\n"
                + "    include: [\"${LOG_DIR}/*.log\", \"${BAD%x}\"]\n"
                + "sinks:\n"
                + "  out: {type: console, inputs: [logs], target: \"$TARGET\"}\n";
        assertEquals(List.of(), bk006(yaml));
        assertEquals(List.of(), bk006("- name: install\n  shell: echo ${X%y}\n"));
    }

    // --- forms that fail the whole upload: errors everywhere, with the upstream error text ---

    @Test
    void bashPatternRemovalFailsTheUpload() {
        String yaml = "steps:\n"
                + "  - command: echo ${BUILDKITE_BRANCH%%/*} ${BUILDKITE_BRANCH#feature/}\n"
                + "    label: \"v${VERSION%.*}\"\n";
        List<Finding> found = bk006(yaml);
        assertEquals(List.of("${BUILDKITE_BRANCH%%/*}", "${BUILDKITE_BRANCH#feature/}", "${VERSION%.*}"),
                texts(yaml));
        for (Finding f : found) {
            assertEquals(Severity.ERROR, f.severity());
        }
        assertTrue(found.get(0).why().contains("`Expected an operator, got %`"), found.get(0).why());
        assertTrue(found.get(1).why().contains("`Expected an operator, got #`"), found.get(1).why());
        String fixed = EditApplier.apply(new SourceFile("pipeline.yml", yaml), found.get(0).fix().edits());
        assertTrue(fixed.contains("echo $${BUILDKITE_BRANCH%%/*}"), fixed);
    }

    @Test
    void colonQuestionFailsTheUploadWhetherOrNotTheVariableIsSet() {
        String yaml = "env:\n"
                + "  FOO: bar\n"
                + "steps:\n"
                + "  - command: 'deploy \"${FOO:?x}\" \"${BUILDKITE_COMMIT:?x}\" \"${DEPLOY_TOKEN:?set it}\"'\n";
        List<Finding> found = bk006(yaml);
        assertEquals(3, found.size());
        assertEquals(Severity.ERROR, found.get(2).severity());
        assertTrue(found.get(0).why().contains(
                "`Unable to parse offset: strconv.Atoi: parsing \"?x\": invalid syntax`"), found.get(0).why());
        assertTrue(found.get(2).why().contains("`${DEPLOY_TOKEN?msg}`"), found.get(2).why());
    }

    @Test
    void malformedBraceIsAnError() {
        String yaml = "steps:\n"
                + "  - command: for v in a b; do echo ${!v}; done\n";
        List<Finding> found = bk006(yaml);
        assertEquals(1, found.size());
        assertEquals(Severity.ERROR, found.get(0).severity());
        assertEquals("${!v}", at(yaml, found.get(0)));
        assertTrue(found.get(0).why().contains("`Expected identifier to start with a letter, got !`"),
                found.get(0).why());
        String fixed = EditApplier.apply(new SourceFile("pipeline.yml", yaml), found.get(0).fix().edits());
        assertTrue(fixed.contains("echo $${!v};"), fixed);
        assertEquals(List.of(), bk006(fixed));
    }

    @Test
    void malformedInKeysAndPluginConfigIsAnErrorToo() {
        String yaml = "steps:\n"
                + "  - command: make\n"
                + "    env:\n"
                + "      ${_TARGET}_HOME: /opt\n"
                + "    plugins:\n"
                + "      - docker#v5.12.0:\n"
                + "          image: \"builder:${TAG/v/}\"\n";
        assertEquals(List.of("${_TARGET}", "${TAG/v/}"), texts(yaml));
    }

    // --- where findings are written ---

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
        assertTrue(found.get(0).why().contains("this step's `env` (line 7)"), found.get(0).why());
    }

    @Test
    void defaultsAreCheckedWhenTheOuterVariableIsKnown() {
        String yaml = "steps:\n"
                + "  - env: {VERSION: 1.0}\n"
                + "    command: echo ${BUILDKITE_TAG:-$VERSION}\n";
        assertEquals(List.of("$VERSION"), texts(yaml));
    }

    @Test
    void spansFollowQuotingAndBlocks() {
        String yaml = "steps:\n"
                + "  - env: {A: 1, B: 2, C: 3, D: 4, E: 5}\n"
                + "    command: \"echo \\\"$A\\\" \\\\$B\"\n"
                + "  - env: {A: 1, B: 2, C: 3, D: 4, E: 5}\n"
                + "    command: >\n"
                + "      echo $D\n"
                + "      and $E\n";
        List<Finding> found = bk006(yaml);
        // "\\$B" in a double-quoted scalar is the value `\$B`: an escape, so only A, D and E.
        assertEquals(List.of("$A", "$D", "$E"), found.stream().map(f -> at(yaml, f)).toList());
        assertEquals(List.of(3, 6, 7), found.stream().map(f -> f.span().line()).toList());
    }

    @Test
    void escapesAndShellForms() {
        String yaml = "steps:\n"
                + "  - command: |\n"
                + "      HOME=/x; USER=y; PWD=z; SHELL=s; x=1; _Y=2\n"
                + "      echo $$HOME \\$USER $${PWD} \\${SHELL} $_Y\n"
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
                + "      command: [sh, -c, \"X=1; echo $X\"]\n";
        assertEquals(List.of(), bk006(yaml));
    }

    @Test
    void bareListPipelines() {
        String yaml = "- command: FOO=1; echo $FOO ${A%b}\n"
                + "- wait\n";
        assertEquals(List.of("$FOO", "${A%b}"), texts(yaml));
    }
}
