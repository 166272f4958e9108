package dev.bklint.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bklint.Fixtures;
import dev.bklint.Fixtures.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile inputs for the core (loading, model, rules), issue 9: each class is a generator with a size parameter, run
 * at 1x, 10x, 100x and 1000x the smallest size that reproduced it (or the largest multiple that runs in a few
 * seconds, named in the case). Each run must answer with exit 0, 1 or 2 and no stack trace; the output (a
 * deterministic count of the work the run reports) must grow at most linearly with the size. The wall clock is only
 * a generous hang guard.
 */
class CoreHostileTest {
    /** Output may grow by this much more than the size does (rounding, line numbers getting longer). */
    private static final double SLACK = 3.0;
    private static final int FLOOR = 4_000;

    @TempDir
    static Path dir;

    /** One class of hostile input: a file of a given size, and the multiples of the size to run. */
    record Shape(String name, IntFunction<String> file, int base, int[] multiples) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> shapes() {
        int[] all = {1, 10, 100, 1000};
        int[] to100 = {1, 10, 100};
        return Stream.of(
                // 1: complex keys, in every place a key is read
                new Shape("complex key as a step key", n -> steps(n) + "  - ? [a]\n    : b\n", 1, all),
                new Shape("complex key inline in a step", n -> steps(n) + "  - command: make\n    ? [a]: b\n", 1, all),
                new Shape("complex key in plugins", n -> steps(n) + "  - command: make\n    plugins:\n"
                        + "      - ? [kubernetes]\n        : {}\n", 1, all),
                new Shape("complex key in podSpec, env and containers", n -> steps(n) + "  - command: make\n"
                        + "    env:\n      ? {A: 1}\n      : b\n    plugins:\n      - kubernetes:\n          podSpec:\n"
                        + "            containers:\n              - image: alpine\n                ? [x]\n"
                        + "                : y\n", 1, all),
                new Shape("complex key in a Kubernetes manifest", n -> "apiVersion: v1\nkind: Pod\nspec:\n"
                        + "  containers:\n" + "    - image: alpine\n".repeat(n) + "    - ? [a]\n      : b\n", 1, all),
                // 2: huge exponents, in a number the plugin schema reads (n: digits of the exponent)
                new Shape("huge exponent in runAsUser", n -> pod("securityContext:\n  runAsUser: 1e"
                        + "9".repeat(n) + "\n"), 8, all),
                new Shape("huge negative exponent and long mantissa", n -> pod("securityContext:\n  runAsUser: "
                        + "1".repeat(n) + ".5e-" + "9".repeat(n) + "\n"), 8, all),
                new Shape("huge exponents in many fields", n -> {
                    StringBuilder b = new StringBuilder("steps:\n");
                    for (int i = 0; i < n; i++) {
                        b.append("  - command: make\n    plugins:\n      - kubernetes:\n          podSpec:\n")
                                .append("            securityContext: {runAsUser: 1e99999999, runAsGroup: ")
                                .append("1e2147483648}\n");
                    }
                    return b.toString();
                }, 1, all),
                // 3: characters outside the BMP across snakeyaml-engine's 1024-character buffer (n: emoji count)
                new Shape("emoji at the edge of a long line", n -> "steps:\n  - command: "
                        + "\uD83D\uDE00".repeat(n) + " x\n    plugins:\n      - kubernetes:\n          podSpec: [a]\n",
                        600, new int[] {1, 10, 100}),
                new Shape("emoji in a long key", n -> "a".repeat(1024) + "\uD83D\uDE00".repeat(n) + ": 1\n", 1, all),
                // 4: alias amplification
                new Shape("aliased commands", CoreHostileTest::aliasedCommands, 10, all),
                new Shape("aliased group steps", CoreHostileTest::aliasedGroups, 1, new int[] {1, 10, 100}),
                new Shape("aliased Kubernetes List items", CoreHostileTest::aliasedList, 1, new int[] {1, 10, 100}),
                new Shape("aliased steps with many containers", CoreHostileTest::aliasedStepsAndContainers, 10,
                        new int[] {1, 10, 100}),
                new Shape("chained aliases nesting deep", CoreHostileTest::chainedDepth, 2, all),
                // 5: input-controlled depth
                new Shape("nested ${} defaults", n -> "steps:\n  - command: \"echo " + "${A:-".repeat(n) + "x"
                        + "}".repeat(n) + "\"\n", 200, all),
                new Shape("nested ${BUILDKITE_*} defaults", n -> "steps:\n  - command: \"echo "
                        + "${BUILDKITE_A:-".repeat(n) + "$X" + "}".repeat(n) + "\"\n", 200, to100),
                new Shape("suppression listing many rule ids", n -> "steps:\n  # bklint-ignore "
                        + String.join(",", Collections.nCopies(n, "BK602")) + " reason\n  - command: make\n"
                        + "    plugins:\n      - kubernetes: {}\n", 100, all),
                // 6: quadratic work
                new Shape("many command containers in one pod", n -> pod("containers:\n"
                        + "  - image: alpine\n".repeat(n)), 3, all),
                new Shape("many unknown keys in one podSpec", n -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        b.append("unknownkey").append(i).append(": 1\n");
                    }
                    return pod(b.toString());
                }, 20, all),
                new Shape("many ignore comments", n -> "steps:\n" + "  # bklint-ignore BK602 reason\n".repeat(n)
                        + "  - command: make\n", 20, all),
                new Shape("many CSV keys in --output", n -> {
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        keys.add("k" + i + "=v");
                    }
                    return "steps:\n  - command: buildctl build --frontend dockerfile.v0 --local context=. "
                            + "--local dockerfile=. --output type=image," + String.join(",", keys) + "\n";
                }, 50, all)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void answersInLinearOutputWithoutCrashing(Shape shape) throws IOException {
        long first = -1;
        for (int multiple : shape.multiples()) {
            int size = shape.base() * multiple;
            Path file = dir.resolve(shape.name().replaceAll("[^a-z0-9]+", "-") + "-" + size + ".yml");
            Files.writeString(file, shape.file().apply(size), StandardCharsets.UTF_8);
            Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> Fixtures.run("--color=never", "--format", "gnu", file.toString()));
            String all = run.out() + run.err();
            assertTrue(run.exit() >= 0 && run.exit() <= 2, shape + " at " + size + ": exit " + run.exit() + "\n"
                    + head(all));
            assertFalse(run.err().contains("Exception") || run.err().contains("Error:") || all.contains("\tat "),
                    shape + " at " + size + ": " + head(all));
            long output = all.length();
            if (first < 0) {
                first = output;
            } else {
                assertTrue(output <= SLACK * multiple * first + FLOOR, shape + ": output " + output + " at "
                        + multiple + "x, " + first + " at 1x: more than linear");
            }
        }
    }

    private static String head(String text) {
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "...";
    }

    /** {@code n} plain command steps before the interesting one. */
    private static String steps(int n) {
        return "steps:\n" + "  - command: make\n".repeat(n);
    }

    /** A kubernetes-plugin step whose podSpec holds {@code body} (indented here). */
    private static String pod(String body) {
        String indented = body.lines().map(l -> "            " + l).reduce("", (a, b) -> a + b + "\n");
        return "steps:\n  - command: buildctl build\n    plugins:\n      - kubernetes:\n          podSpec:\n"
                + indented;
    }

    /** A long script aliased {@code n} times into one {@code commands} list, and that list into {@code n} steps. */
    private static String aliasedCommands(int n) {
        String script = "buildctl build --opt build-arg:X=${FOO} $$(echo a) ".repeat(20);
        StringBuilder b = new StringBuilder("s: &s \"").append(script).append("\"\n");
        b.append("c: &c [").append(String.join(", ", Collections.nCopies(n, "*s"))).append("]\nsteps:\n");
        b.append("  - commands: *c\n".repeat(n));
        return b.toString();
    }

    /** Groups of ten aliased groups, {@code levels(n)} deep: ten to the depth steps from a few lines. */
    private static String aliasedGroups(int n) {
        String step = "{command: 'buildctl-daemonless.sh build --frontend dockerfile.v0', plugins: [{kubernetes: "
                + "{podSpec: {containers: [{image: 'moby/buildkit:v0.13.0-rootless', securityContext: {privileged: "
                + "true}}]}}}]}";
        StringBuilder b = new StringBuilder("g0: &g0 ").append(step).append('\n');
        int levels = levels(n);
        for (int d = 1; d < levels; d++) {
            b.append("g").append(d).append(": &g").append(d).append(" {group: g").append(d).append(", steps: [")
                    .append(String.join(", ", Collections.nCopies(10, "*g" + (d - 1)))).append("]}\n");
        }
        return b.append("steps:\n  - *g").append(levels - 1).append('\n').toString();
    }

    /** A Kubernetes List of Lists of aliased pods, {@code levels(n)} deep. */
    private static String aliasedList(int n) {
        String pod = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: b, image: "
                + "'moby/buildkit:v0.13.0-rootless', command: [buildkitd], securityContext: {privileged: true}}]}}";
        StringBuilder b = new StringBuilder("apiVersion: v1\nkind: List\np: &p0 ").append(pod).append('\n');
        b.append("x0: &l0 [").append(String.join(", ", Collections.nCopies(10, "*p0"))).append("]\n");
        int levels = levels(n);
        for (int d = 1; d < levels; d++) {
            b.append("x").append(d).append(": &l").append(d).append(" [").append(String.join(", ",
                    Collections.nCopies(10, "{apiVersion: v1, kind: List, items: *l" + (d - 1) + "}"))).append("]\n");
        }
        return b.append("items: *l").append(levels - 1).append('\n').toString();
    }

    /** 1x: 3 levels of ten; each tenfold size adds a level (so the expansion grows a thousandfold at 100x). */
    private static int levels(int n) {
        return 3 + (int) Math.round(Math.log10(n));
    }

    /** One pod of {@code n} containers shared through an alias by {@code n} steps: n * n containers to lint. */
    private static String aliasedStepsAndContainers(int n) {
        StringBuilder b = new StringBuilder("pod: &pod {podSpec: {containers: [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append("{name: c").append(i).append(", image: 'moby/buildkit:v0.13.0'}");
        }
        b.append("]}}\nsteps:\n");
        b.append("  - {command: 'buildctl build', plugins: [{kubernetes: *pod}]}\n".repeat(n));
        return b.toString();
    }

    /** Anchors each nesting the previous one 400 levels deeper: {@code n} of them. */
    private static String chainedDepth(int n) {
        StringBuilder b = new StringBuilder("a0: &a0 ").append("[".repeat(400)).append('x').append("]".repeat(400))
                .append('\n');
        for (int i = 1; i < n; i++) {
            b.append('a').append(i).append(": &a").append(i).append(' ').append("{a: ".repeat(400)).append("*a")
                    .append(i - 1).append("}".repeat(400)).append('\n');
        }
        return b.append("steps:\n  - command: make\n    env: *a").append(n - 1).append('\n').toString();
    }
}
