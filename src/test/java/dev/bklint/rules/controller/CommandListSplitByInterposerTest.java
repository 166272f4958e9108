package dev.bklint.rules.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.finding.Finding;
import dev.bklint.finding.Severity;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleFindings;
import dev.bklint.source.SourceFile;
import dev.bklint.yaml.YamlSyntaxError;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandListSplitByInterposerTest {

    private static String step(String params, String command, String args) {
        return """
                steps:
                  - plugins:
                      - kubernetes:
                """ + params.indent(10) + """
                          podSpec:
                            containers:
                              - image: golang:1.24
                                command: %s
                                args: %s
                """.formatted(command, args);
    }

    private static List<Finding> bk614(Options options, String yaml) {
        return RuleFindings.of("BK614", options, "pipeline.yml", yaml);
    }

    private static Options controller(String values) throws YamlSyntaxError {
        return Options.defaults().withController(ControllerConfig.parse(new SourceFile("values.yaml", values)));
    }

    @Test
    void aShellWithItsFlagAsArgsIsFineUnderEveryInterposer() throws YamlSyntaxError {
        String args = "[-c, \"buildctl-daemonless.sh build --frontend dockerfile.v0\"]";
        for (String interposer : List.of("", "interposer: buildkite", "interposer: vector", "interposer: legacy")) {
            String params = interposer.isEmpty() ? "" : "commandParams:\n  " + interposer;
            assertEquals(List.of(), bk614(Options.defaults(), step(params, "[sh]", args)), interposer);
        }
    }

    @Test
    void theShellFlagAsACommandItemIsAnErrorUnderBuildkite() {
        List<Finding> found = bk614(Options.defaults(), step("commandParams:\n  interposer: buildkite",
                "[sh, -c]", "[\"buildctl-daemonless.sh build\"]"));
        assertEquals(1, found.size());
        assertEquals(Severity.ERROR, found.get(0).severity());
    }

    @Test
    void theControllersDefaultDecidesWhenThePluginSetsNone() throws YamlSyntaxError {
        String argv = step("", "[golangci-lint, run, --timeout, 10m]", "[]");
        assertEquals(Severity.WARNING, bk614(Options.defaults(), argv).get(0).severity(),
                "the controller's default-command-params is unknown");
        assertEquals(Severity.ERROR, bk614(controller("config:\n  queue: kubernetes\n"), argv).get(0).severity(),
                "a controller that sets none uses buildkite");
        assertEquals(List.of(), bk614(controller("config:\n  default-command-params:\n    interposer: vector\n"),
                argv));
        assertEquals(List.of(), bk614(controller("default-command-params:\n  interposer: legacy\n"), argv));
    }

    @Test
    void thePluginWinsOverTheController() throws YamlSyntaxError {
        String argv = step("commandParams:\n  interposer: buildkite", "[golangci-lint, run, -v]", "[]");
        assertEquals(1, bk614(controller("default-command-params:\n  interposer: vector\n"), argv).size());
        String vector = step("commandParams:\n  interposer: vector", "[golangci-lint, run, -v]", "[]");
        assertEquals(List.of(), bk614(Options.defaults(), vector));
    }

    @Test
    void wordsThatCouldBeCommandsAreNotEvidence() {
        assertEquals(List.of(), bk614(Options.defaults(), step("", "[make, build]", "[]")));
        assertEquals(List.of(), bk614(Options.defaults(), step("", "[\"make deps\", \"make build\"]", "[-j4]")));
        // A backslash continues the line, so the flag is not a line of its own.
        assertEquals(List.of(), bk614(Options.defaults(), step("", "[\"golangci-lint run \\\\\", -v]", "[]")));
    }

    @Test
    void aBuildctlCommandAloneAfterBuildctlIsEvidence() {
        assertEquals(1, bk614(Options.defaults(), step("", "[buildctl, build]", "[]")).size());
    }
}
