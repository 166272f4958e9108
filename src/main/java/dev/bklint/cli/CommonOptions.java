package dev.bklint.cli;

import dev.bklint.config.ConfigFile;
import dev.bklint.config.RuleSettings;
import dev.bklint.finding.RuleMeta;
import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.rules.KubernetesVersion;
import dev.bklint.rules.Options;
import dev.bklint.rules.RuleRegistry;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceReader;
import dev.bklint.yaml.YamlSyntaxError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options every command shares: the target cluster, the configuration file, and how to print. A value given on
 * the command line wins over the configuration file, which wins over the default.
 */
public final class CommonOptions {
    private final String kubernetesVersion;
    private final String podSecurityLevel;
    private final String controllerConfig;
    private final Path projectDir;
    private final Path config;
    private final boolean noConfig;
    private final boolean noIgnores;
    private final int maxFindings;
    private final List<String> select;
    private final List<String> ignore;
    private final String color;

    static final Opt<String> KUBERNETES_VERSION = Opt.value("--kubernetes-version", "X.Y", String.class, null,
            "Kubernetes version of the target cluster (default: assume current, " + Options.CURRENT + ").");
    static final Opt<String> POD_SECURITY_LEVEL = Opt.value("--pod-security-level", "LEVEL", String.class, null,
            "Pod Security Standards level the namespace enforces: privileged, baseline or restricted.")
            .withValues(List.of("privileged", "baseline", "restricted"));
    static final Opt<String> CONTROLLER_CONFIG = Opt.value("--controller-config", "FILE", String.class, null,
            "The controller's configuration (Helm values with config:, or the config file): its pod-spec-patch, "
                    + "queue and tags are applied.");
    static final Opt<Path> PROJECT_DIR = Opt.value("--project-dir", "DIR", Path.class, null, "The checkout the "
            + "Dockerfile is read from (default: the parent of `.buildkite`).");
    static final Opt<Path> CONFIG = Opt.value("--config", "FILE", Path.class, null, "Configuration file (default: "
            + "the nearest .bklint.yaml up to the repository root).");
    static final Opt<Boolean> NO_CONFIG = Opt.flag("--no-config", "Use no configuration file.");
    static final Opt<Boolean> NO_IGNORES = Opt.flag("--no-ignores",
            "Report everything: ignore `# bklint-ignore` comments.");
    static final Opt<List<String>> SELECT = Opt.repeatable("RULES", "Run only these rules: ids or names, "
            + "comma-separated, repeatable (BK000 and BK009, which report on the run itself, stay on). Wins over the "
            + "configuration.", "--select");
    static final Opt<List<String>> IGNORE = Opt.repeatable("RULES", "Do not run these rules: ids or names, "
            + "comma-separated, repeatable. Wins over the configuration and --select.", "--ignore");
    static final Opt<Integer> MAX_FINDINGS = Opt.value("--max-findings", "N", Integer.class, null, "Report at most "
            + "N findings per file, 1 to " + Options.MAX_FINDINGS + " (the default); BK000 counts the rest.");
    static final Opt<String> COLOR = Opt.value("--color", "WHEN", String.class, "auto",
            "Colour: auto (default; only on a terminal, never with NO_COLOR), always or never.")
            .withValues(List.of("auto", "always", "never"));
    static final Opt<Boolean> DEBUG = Opt.flag("--debug", "Print stack traces of internal errors.");
    private static final List<Opt<?>> ALL = List.of(KUBERNETES_VERSION, POD_SECURITY_LEVEL, CONTROLLER_CONFIG,
            PROJECT_DIR, CONFIG, NO_CONFIG, NO_IGNORES, SELECT, IGNORE, MAX_FINDINGS, COLOR, DEBUG);

    private CommonOptions(ParseResult r) {
        kubernetesVersion = KUBERNETES_VERSION.get(r);
        podSecurityLevel = POD_SECURITY_LEVEL.get(r);
        controllerConfig = CONTROLLER_CONFIG.get(r);
        projectDir = PROJECT_DIR.get(r);
        if (projectDir != null && !Files.isDirectory(projectDir)) {
            // Else every Dockerfile would be "missing" (BK412 errors) for what is a mistyped option.
            throw new IllegalArgumentException("--project-dir: " + projectDir + ": "
                    + (Files.exists(projectDir) ? "not a folder" : "no such folder"));
        }
        config = CONFIG.get(r);
        noConfig = NO_CONFIG.get(r);
        noIgnores = NO_IGNORES.get(r);
        Integer max = MAX_FINDINGS.get(r);
        maxFindings = max == null ? Options.MAX_FINDINGS : max;
        select = SELECT.get(r);
        ignore = IGNORE.get(r);
        color = COLOR.get(r);
    }

    /** The options as given to the command that {@code r} parsed. */
    static CommonOptions of(ParseResult r) {
        return new CommonOptions(r);
    }

    /** Declares the shared options on a command. */
    static void addTo(CommandSpec spec) {
        ALL.forEach(o -> o.addTo(spec));
    }

    private ConfigFile loaded;
    private boolean loadedOnce;

    /** A setting's effective value and where it came from, for {@code bklint config}. */
    public record Setting(String value, String origin) {
    }

    /** The configuration file in effect, or null. */
    ConfigFile configFile() {
        if (!loadedOnce) {
            loadedOnce = true;
            try {
                Path path = noConfig ? null : config != null ? config : ConfigFile.discover(Path.of(""));
                if (path != null) {
                    loaded = RuleSelection.checked(config != null ? ConfigFile.load(path) : ConfigFile.loadFound(path));
                }
            } catch (ConfigFile.ConfigError e) {
                throw new IllegalArgumentException("configuration: " + e.getMessage());
            }
        }
        return loaded;
    }

    /**
     * The configuration for a document in {@code folder}: none with --no-config, the --config file when given, else
     * the one found walking up from {@code folder}, read through {@code reader} (which may cache it).
     */
    ConfigFile configFileFor(Path folder, Function<Path, ConfigFile> reader) {
        if (noConfig || config != null) {
            return configFile();
        }
        Path found;
        try {
            found = ConfigFile.discover(folder);
        } catch (ConfigFile.ConfigError e) {
            throw new IllegalArgumentException("configuration: " + e.getMessage());
        }
        return found == null ? null : reader.apply(found);
    }

    /** Each setting with its effective value and origin. */
    Map<String, Setting> settings(String failOnFlag) {
        ConfigFile file = configFile();
        String fileName = file == null ? null : file.path().toString();
        Map<String, Setting> s = new LinkedHashMap<>();
        s.put("config", new Setting(fileName == null ? "(none)" : fileName, noConfig ? "--no-config"
                : config != null ? "--config" : fileName == null ? "no .bklint.yaml found" : "found by walking up"));
        s.put("kubernetes-version", pick(kubernetesVersion, "--kubernetes-version",
                file == null ? null : file.kubernetesVersion(), fileName, Options.CURRENT + " (assumed current)"));
        s.put("pod-security-level", pick(podSecurityLevel, "--pod-security-level",
                file == null ? null : file.podSecurityLevel(), fileName, "(not set)"));
        s.put("fail-on", pick(failOnFlag, "--fail-on", file == null ? null : file.failOn(), fileName, "warning"));
        s.put("controller-config", pick(controllerConfig, "--controller-config", file == null
                || file.controllerConfig() == null ? null : file.controllerConfig().toString(), fileName, "(not set)"));
        s.put("project-dir", pick(projectDir == null ? null : projectDir.toString(), "--project-dir", file == null
                || file.projectDir() == null ? null : file.projectDir().toString(), fileName,
                "the folder holding .buildkite/"));
        if (file != null) {
            file.rules().forEach((rule, value) -> s.put("rules." + rule, new Setting(value, fileName)));
            if (!file.ignore().isEmpty()) {
                s.put("ignore", new Setting(String.join(", ", file.ignore()), fileName));
            }
            file.ignoreByRule().forEach((rule, globs) -> s.put("ignore." + rule,
                    new Setting(String.join(", ", globs), fileName)));
        }
        return s;
    }

    private static Setting pick(String flag, String flagName, String fromFile, String fileName, String dflt) {
        if (flag != null) {
            return new Setting(flag, flagName);
        }
        if (fromFile != null) {
            return new Setting(fromFile, fileName);
        }
        return new Setting(dflt, "default");
    }

    /** The --fail-on level: the flag, else the configuration's, else warning. */
    String failOn(String flag) {
        if (flag != null) {
            return flag;
        }
        ConfigFile file = configFile();
        return file != null && file.failOn() != null ? file.failOn() : "warning";
    }

    Options options() {
        return optionsFor(configFile());
    }

    /**
     * The options with {@code file} as the configuration (null for none), the command line's values winning as
     * always: the language server finds a configuration per document, not one for the whole run.
     */
    Options optionsFor(ConfigFile file) {
        String versionText = kubernetesVersion != null ? kubernetesVersion
                : file == null ? null : file.kubernetesVersion();
        KubernetesVersion version = versionText == null ? Options.CURRENT : KubernetesVersion.parse(versionText);
        String levelText = podSecurityLevel != null ? podSecurityLevel : file == null ? null : file.podSecurityLevel();
        String level = null;
        if (levelText != null) {
            level = levelText.toLowerCase(Locale.ROOT);
            if (!POD_SECURITY_LEVEL.values().contains(level)) {
                throw new IllegalArgumentException("--pod-security-level must be privileged, baseline or restricted, "
                        + "not '" + levelText + "'");
            }
        }
        ControllerConfig controller;
        if (controllerConfig != null) {
            controller = controller(Path.of(controllerConfig), null); // named by the invoker: anywhere
        } else {
            controller = file == null ? null : controller(file.controllerConfig(), file.checkout());
        }
        Path project = projectDir != null ? projectDir : file == null ? null : file.projectDir();
        if (maxFindings < 1 || maxFindings > Options.MAX_FINDINGS) {
            throw new IllegalArgumentException("--max-findings must be from 1 to " + Options.MAX_FINDINGS + ", not "
                    + maxFindings);
        }
        RuleSettings settings = RuleSettings.of(file);
        if (!select.isEmpty() || !ignore.isEmpty()) {
            RuleRegistry registry = RuleRegistry.get();
            Set<String> selected = new LinkedHashSet<>(RuleSelection.ids("--select", select, registry));
            if (!selected.isEmpty()) {
                // Rules about the run itself (findings left out, a file not linted) stay on under a selection, so
                // that narrowing the rules never makes a file that was not checked pass silently.
                registry.metas().stream().filter(RuleMeta::aboutTheRun).forEach(m -> selected.add(m.id()));
            }
            settings = settings.withSelection(selected, RuleSelection.ids("--ignore", ignore, registry));
        }
        return new Options(version, versionText == null, level, controller, project, noIgnores, settings,
                maxFindings);
    }

    /** The {@code --project-dir} given on the command line, or null. */
    Path commandLineProjectDir() {
        return projectDir;
    }

    /** The controller configuration; one a committed configuration names must resolve inside {@code checkout}. */
    private static ControllerConfig controller(Path path, Path checkout) {
        if (path == null) {
            return null;
        }
        try {
            return ControllerConfig.parse(checkout == null ? SourceReader.read(path, path.toString())
                    : SourceReader.readInside(path, checkout, path.toString()));
        } catch (InputError e) {
            throw new IllegalArgumentException("--controller-config: " + e.getMessage());
        } catch (YamlSyntaxError e) {
            throw new IllegalArgumentException("--controller-config: " + path + ":" + e.span().line() + ":"
                    + e.span().column() + ": " + e.getMessage());
        }
    }

    boolean useColor() {
        switch (color.toLowerCase(Locale.ROOT)) {
            case "always": return true;
            case "never": return false;
            case "auto": return Terminal.stdoutIsTerminal() && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
            default: throw new IllegalArgumentException("--color must be auto, always or never, not '" + color + "'");
        }
    }
}
