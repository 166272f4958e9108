package dev.bklint.schema;

import dev.bklint.text.Suggestions;

import static dev.bklint.TestPipelines.onlyStep;
import static dev.bklint.TestPipelines.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.TestPipelines;
import dev.bklint.engine.Linter;
import dev.bklint.kubernetes.KubernetesPlugin;
import dev.bklint.finding.Finding;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.schema.SchemaViolation.Kind;
import dev.bklint.source.SourceFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema check of the kubernetes plugin (BK004 unknown-key, BK005 wrong-type): violations map back to the exact
 * YAML node, keys in another letter case are accepted as Go accepts them, unknown keys get a "did you mean", and
 * BK003's booleans are not reported twice.
 */
class PluginSchemaTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.get();

    /** The plugin violations of a single step whose kubernetes plugin block is {@code plugin} (indented 10). */
    private static List<SchemaViolation> check(String plugin) {
        KubernetesPlugin k = KubernetesPlugin.of(onlyStep(pipeline(plugin)));
        return PluginSchema.check(k.config());
    }

    private static String pipeline(String plugin) {
        StringBuilder b = new StringBuilder("steps:\n  - command: make\n    plugins:\n      - kubernetes:\n");
        for (String line : plugin.stripIndent().split("\n")) {
            b.append("          ").append(line).append('\n');
        }
        return b.toString();
    }

    private static List<Finding> lint(String yaml, String... rules) {
        Set<String> wanted = Set.of(rules);
        return new Linter(REGISTRY, Options.defaults()).lint(new SourceFile(TestPipelines.PATH, yaml)).findings()
                .stream().filter(f -> wanted.contains(f.rule())).toList();
    }

    @Test
    void unknownKeyMapsToTheKeyNodeInsideNestedLists() {
        List<SchemaViolation> v = check("""
                podSpec:
                  containers:
                    - name: first
                      image: alpine
                    - name: main
                      image: moby/buildkit:v0.32.2
                      securityContext:
                        runAsUsr: 1000
                """);
        assertEquals(1, v.size(), v.toString());
        SchemaViolation u = v.get(0);
        assertEquals(Kind.UNKNOWN_KEY, u.kind());
        assertEquals("runAsUsr", u.key());
        assertEquals("SecurityContext", u.owner());
        assertEquals("podSpec.containers[1].securityContext", u.path());
        assertEquals(List.of("podSpec", "containers", "securityContext", "runAsUsr"), u.fields());
        assertEquals(span(12, 19, 12, 27), u.node().span());
        assertTrue(u.validKeys().contains("runAsUser"));
    }

    @Test
    void wrongTypeMapsToTheValueNode() {
        List<SchemaViolation> v = check("""
                podSpec:
                  containers:
                    - name: main
                      env:
                        - name: A
                          value: "ok"
                        - name: CGO_ENABLED
                          value: 0
                """);
        assertEquals(1, v.size(), v.toString());
        SchemaViolation t = v.get(0);
        assertEquals(Kind.WRONG_TYPE, t.kind());
        assertEquals("a string", t.expected());
        assertEquals("number", t.found());
        assertEquals("EnvVar.podSpec.containers.env.value", t.goField());
        assertEquals("podSpec.containers[0].env[1].value", t.path());
        assertEquals(span(12, 28, 12, 29), t.node().span());
    }

    @Test
    void pointerEscapesAndListItemsMapBack() {
        List<SchemaViolation> v = check("""
                metadata:
                  labels:
                    "a~b/c": 3
                podSpec:
                  containers:
                    - name: main
                      command: [echo, 1]
                """);
        assertEquals(2, v.size(), v.toString());
        assertEquals("metadata.labels.a~b/c", v.get(0).path());
        assertEquals(span(7, 24, 7, 25), v.get(0).node().span());
        assertEquals("Metadata.metadata.labels", v.get(0).goField());
        assertEquals(null, v.get(1).key());
        assertEquals("podSpec.containers[0].command[1]", v.get(1).path());
        assertEquals(span(11, 33, 11, 34), v.get(1).node().span());
    }

    @Test
    void keysThroughAMergeKeyPointAtTheAnchor() {
        String yaml = """
                x-security: &security
                  runAsUsr: 1000
                steps:
                  - command: make
                    plugins:
                      - kubernetes:
                          podSpec:
                            securityContext:
                              <<: *security
                """;
        List<Finding> f = lint(yaml, "BK004");
        assertEquals(1, f.size(), f.toString());
        assertEquals(span(2, 3, 2, 11), f.get(0).span());
    }

    @Test
    void keysInAnotherLetterCaseAreFieldsForGo() {
        assertEquals(List.of(), check("""
                PodSpec:
                  securitycontext:
                    RunAsUser: 1000
                  containers:
                    - Name: main
                      ImagePullPolicy: Always
                      volumemounts:
                        - mountpath: /x
                          name: x
                Metadata:
                  Labels:
                    team: build
                """));
    }

    @Test
    void contentBelowAKeyInAnotherCaseIsStillChecked() {
        List<SchemaViolation> v = check("""
                PodSpec:
                  Containers:
                    - name: main
                      SecurityContext:
                        runAsUser: "1000"
                        privilegd: true
                """);
        assertEquals(2, v.size(), v.toString());
        SchemaViolation unknown = v.stream().filter(x -> x.kind() == Kind.UNKNOWN_KEY).findFirst().orElseThrow();
        assertEquals("privilegd", unknown.key());
        assertEquals("PodSpec.Containers[0].SecurityContext", unknown.path());
        SchemaViolation type = v.stream().filter(x -> x.kind() == Kind.WRONG_TYPE).findFirst().orElseThrow();
        assertEquals("SecurityContext.podSpec.containers.securityContext.runAsUser", type.goField());
    }

    @Test
    void aSecondSpellingOfTheSameFieldIsNotReported() {
        assertEquals(List.of(), check("""
                podSpec:
                  containers: []
                PodSpec:
                  hostUsers: false
                """));
    }

    @Test
    void nullIsAcceptedAnywhereAndWholeFloatsAreIntegers() {
        assertEquals(List.of(), check("""
                podSpec:
                  securityContext:
                    runAsUser: 1000.0
                    fsGroup:
                  volumes:
                    - name: x
                      emptyDir:
                  containers:
                    - name: main
                      env:
                        - name: A
                          value:
                      resources:
                        limits:
                          cpu: 2
                          memory: 4Gi
                      readinessProbe:
                        tcpSocket:
                          port: http
                """));
        assertEquals(Kind.WRONG_TYPE, check("""
                podSpec:
                  securityContext:
                    runAsUser: 1000.5
                """).get(0).kind());
    }

    @Test
    void looseObjectsAreNotCheckedInside() {
        assertEquals(List.of(), check("""
                podSpec:
                  affinity:
                    nodeAffinity:
                      anything: [1, 2]
                  volumes:
                    - name: cache
                      awsElasticBlockStore:
                        volumeID: vol-1
                """));
    }

    @Test
    void interposerMustBeOneOfThree() {
        List<SchemaViolation> v = check("""
                commandParams:
                  interposer: shell
                """);
        assertEquals(1, v.size());
        assertEquals(Kind.INVALID_VALUE, v.get(0).kind());
        assertEquals("`buildkite`, `vector`, `legacy`", v.get(0).expected());
        assertEquals(List.of(), check("""
                commandParams:
                  interposer: vector
                """));
    }

    @Test
    void didYouMeanFindsTheNearestKey() {
        List<String> container = List.of("name", "image", "command", "args", "env", "envFrom", "securityContext",
                "volumeMounts", "workingDir");
        assertEquals(List.of("securityContext"), Suggestions.nearest("securityContex", container));
        assertEquals(List.of("securityContext"), Suggestions.nearest("SecurityContxet", container));
        assertEquals(List.of("volumeMounts"), Suggestions.nearest("volumeMount", container));
        assertEquals(List.of("runAsUser"), Suggestions.nearest("runAsUsr", List.of("runAsUser", "runAsGroup")));
        assertEquals(List.of("seccompProfile"), Suggestions.nearest("seccomp", List.of("seccompProfile", "procMount")));
        assertEquals(List.of(), Suggestions.nearest("banana", container));
        assertEquals(1, Suggestions.distance("ab", "ba"));
    }

    @Test
    void unknownKeyFindingSuggestsAndRenames() {
        List<Finding> f = lint(pipeline("""
                podSpec:
                  containers:
                    - name: main
                      image: alpine
                      securityContex:
                        runAsNonRoot: true
                """), "BK004");
        assertEquals(1, f.size(), f.toString());
        assertEquals("Rename `securityContex` to `securityContext`.", f.get(0).fix().description());
        assertEquals("securityContext", f.get(0).fix().edits().get(0).text());
        assertEquals(span(9, 17, 9, 31), f.get(0).fix().edits().get(0).range());
    }

    @Test
    void noRenameWhenTheFieldIsAlreadyThere() {
        List<Finding> f = lint(pipeline("""
                podSpec:
                  containers:
                    - name: main
                      volumeMounts: []
                      extraVolumeMounts:
                        - name: x
                          mountPath: /x
                """), "BK004");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).why().contains("a container's mounts go under `volumeMounts`"), f.get(0).why());
        assertEquals(List.of(), f.get(0).fix().edits());
    }

    @Test
    void bk003AndBk005DoNotReportTheSameBoolean() {
        String yaml = pipeline("""
                podSpec:
                  containers:
                    - name: main
                      securityContext:
                        privileged: yes
                        runAsNonRoot: "true"
                      env:
                        - name: TOKEN
                          valueFrom:
                            secretKeyRef:
                              name: s
                              key: k
                              optional: yes
                """);
        List<Finding> f = lint(yaml, "BK003", "BK005");
        assertEquals(List.of("BK003:9", "BK003:10", "BK005:17"),
                f.stream().map(x -> x.rule() + ":" + x.span().line()).toList());
    }

    @Test
    void bk207KeepsPrivilegedInThePodSecurityContext() {
        List<Finding> f = lint(pipeline("""
                podSpec:
                  securityContext:
                    privileged: true
                    capabilities:
                      add: [SYS_ADMIN]
                """), "BK004", "BK207");
        assertEquals(List.of("BK207:7", "BK004:8"), f.stream().map(x -> x.rule() + ":" + x.span().line()).toList());
        assertTrue(f.get(1).fix().description().contains(" into a container's `securityContext`"),
                f.get(1).fix().description());
    }

    @Test
    void keysAtTheWrongLevelSayWhereTheyGo() {
        List<Finding> f = lint(pipeline("""
                podSpec:
                  containers:
                    - name: main
                      runAsUser: 1000
                """), "BK004");
        assertEquals(1, f.size(), f.toString());
        assertEquals("`podSpec.containers[0]` is a Container, which has no field `runAsUser`.", f.get(0).message());
        assertTrue(f.get(0).why().contains("this setting is lost"), f.get(0).why());
        assertEquals("Move `runAsUser` under the container's `securityContext`.", f.get(0).fix().description());
        assertEquals(List.of(), f.get(0).fix().edits());
    }

    @Test
    void wrongTypeFixesQuoteUnquoteAndExplain() {
        List<Finding> f = lint(pipeline("""
                jobActiveDeadlineSeconds: "600"
                metadata:
                  annotations:
                    example.com/retries: 3
                podSpec:
                  containers:
                    - name: main
                      env:
                        FOO: bar
                """), "BK005");
        assertEquals(3, f.size(), f.toString());
        assertEquals("600", f.get(0).fix().edits().get(0).text());
        assertTrue(f.get(1).message().startsWith("The value of `example.com/retries` in `annotations` must be a "
                + "string, but `3` is a number."), f.get(1).message());
        assertEquals("\"3\"", f.get(1).fix().edits().get(0).text());
        assertTrue(f.get(2).message().startsWith("`env` must be a list, but it is a mapping."), f.get(2).message());
        assertEquals("env:\n  - name: FOO\n    value: \"bar\"", f.get(2).fix().snippet());
    }

    @Test
    void plainManifestsAreNotPluginConfiguration() {
        String manifest = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: buildkitd
                spec:
                  containers:
                    - name: buildkitd
                      image: moby/buildkit:v0.32.2
                      securityContex:
                        privileged: true
                """;
        assertEquals(List.of(), lint(manifest, "BK004", "BK005"));
    }

    @Test
    void theSchemaIsCompiledOnce() {
        assertSame(PluginSchema.schema(), PluginSchema.schema());
        assertFalse(PluginSchema.schema().toString().isEmpty());
    }

    /** A configuration found valid is not validated again when the same text comes back; anything else still is. */
    @Test
    void repeatedValidConfigurationsKeepTheirVerdict() {
        String step = "  - command: make\n    plugins:\n      - kubernetes:\n";
        String valid = "          podSpec:\n            containers:\n              - image: alpine:3\n";
        String wrong = valid + "                comand: [make]\n";
        // The same text through an alias means what the anchor last defined says: never taken as already valid.
        String aliased = "          podSpec: {containers: [*c]}\n";
        String yaml = "steps:\n" + (step + valid).repeat(3) + step + wrong + step + valid
                + "  - command: make\n    env: {X: &c {image: alpine:3}}\n    plugins:\n      - kubernetes:\n" + aliased
                + "  - command: make\n    env: {X: &c {image: alpine:3, comand: [make]}}\n    plugins:\n"
                + "      - kubernetes:\n" + aliased;
        List<Integer> comandLines = new java.util.ArrayList<>();
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("comand")) {
                comandLines.add(i + 1);
            }
        }
        List<Finding> findings = lint(yaml, "BK004");
        assertEquals(comandLines, findings.stream().map(f -> f.span().line()).toList(), findings.toString());
        assertEquals(2, comandLines.size());
    }
}
