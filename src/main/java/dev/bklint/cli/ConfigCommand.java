package dev.bklint.cli;

import dev.bklint.report.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code bklint config}: the effective configuration and where each value came from. */
final class ConfigCommand implements Cli.Command {
    private static final Opt<String> FAIL_ON = LintCommand.FAIL_ON.described("As for linting, to see its effect.");
    private static final Opt<String> FORMAT = Opt.value("--format", "FORMAT", String.class, "text",
            "text (default), or json: {\"setting\": {\"value\": ..., \"origin\": ...}}, a value not set being null.")
            .withValues(List.of("text", "json"));

    static CommandSpec spec() {
        CommandSpec spec = Cli.withStandardHelp(Cli.command("config", new ConfigCommand(),
                "Print the effective configuration and where each value came from."));
        CommonOptions.addTo(spec);
        FAIL_ON.addTo(spec);
        FORMAT.addTo(spec);
        return spec;
    }

    @Override
    public int run(ParseResult parsed, PrintWriter out, PrintWriter err) {
        CommonOptions common = CommonOptions.of(parsed);
        String failOn = FAIL_ON.get(parsed);
        String format = FORMAT.get(parsed);
        if (!FORMAT.values().contains(format)) {
            throw new IllegalArgumentException("config --format must be text or json, not '" + format + "'");
        }
        common.options(); // validates every value, as a lint would
        Map<String, CommonOptions.Setting> settings = common.settings(failOn);
        if (format.equals("json")) {
            out.print(json(settings));
        } else {
            for (Map.Entry<String, CommonOptions.Setting> e : settings.entrySet()) {
                out.printf("%-22s %s  (%s)%n", e.getKey() + ":", e.getValue().value(), e.getValue().origin());
            }
        }
        out.flush();
        return 0;
    }

    /** The settings as JSON for scripts: what the text shows in parentheses as "(not set)" or "(none)" is null. */
    static String json(Map<String, CommonOptions.Setting> settings) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, CommonOptions.Setting> e : settings.entrySet()) {
            String value = e.getValue().value();
            Map<String, Object> setting = new LinkedHashMap<>();
            setting.put("value", value == null || (value.startsWith("(") && value.endsWith(")")) ? null : value);
            setting.put("origin", e.getValue().origin());
            root.put(e.getKey(), setting);
        }
        return Json.write(root) + "\n";
    }
}
