package dev.bklint.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code bklint config}: the effective configuration and where each value came from. */
final class ConfigCommand implements Cli.Command {
    private static final Opt<String> FAIL_ON = LintCommand.FAIL_ON.described("As for linting, to see its effect.");

    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("config", new ConfigCommand(),
                "Print the effective configuration and where each value came from."));
        CommonOptions.addTo(spec);
        FAIL_ON.addTo(spec);
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        CommonOptions common = CommonOptions.of(parsed);
        String failOn = FAIL_ON.get(parsed);
        common.options(); // validates every value, as a lint would
        for (Map.Entry<String, CommonOptions.Setting> e : common.settings(failOn).entrySet()) {
            out.printf("%-22s %s  (%s)%n", e.getKey() + ":", e.getValue().value(), e.getValue().origin());
        }
        out.flush();
        return 0;
    }
}
