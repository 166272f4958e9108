package dev.bklint.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bklint config}: the effective configuration and where each value came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration and where each value came from.")
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "As for linting, to see its effect.")
    String failOn;

    @Override
    public Integer call() {
        common.options(); // validates every value, as a lint would
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<String, CommonOptions.Setting> e : common.settings(failOn).entrySet()) {
            out.printf("%-22s %s  (%s)%n", e.getKey() + ":", e.getValue().value(), e.getValue().origin());
        }
        out.flush();
        return 0;
    }
}
