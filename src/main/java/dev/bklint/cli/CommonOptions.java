package dev.bklint.cli;

import dev.bklint.kubernetes.ControllerConfig;
import dev.bklint.rules.KubernetesVersion;
import dev.bklint.source.InputError;
import dev.bklint.source.SourceReader;
import dev.bklint.yaml.YamlSyntaxError;
import java.nio.file.Path;
import dev.bklint.rules.Options;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options every command shares: the target cluster and how to print. */
public final class CommonOptions {
    @Option(names = "--kubernetes-version", paramLabel = "X.Y",
            description = "Kubernetes version of the target cluster (default: assume current, ${dev.bklint.k8s}).")
    String kubernetesVersion;

    @Option(names = "--pod-security-level", paramLabel = "LEVEL",
            description = "Pod Security Standards level the namespace enforces: privileged, baseline or restricted.")
    String podSecurityLevel;

    @Option(names = "--controller-config", paramLabel = "FILE",
            description = "The controller's configuration (Helm values with config:, or the config file): its "
                    + "pod-spec-patch, queue and tags are applied.")
    String controllerConfig;

    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "The checkout the build reads its Dockerfile from (default: the folder holding .buildkite/).")
    Path projectDir;

    @Option(names = "--no-ignores", description = "Report everything: ignore `# bklint-ignore` comments.")
    boolean noIgnores;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour: auto (default; only on a terminal, never with NO_COLOR), always or never.")
    String color;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    Options options() {
        KubernetesVersion version = Options.CURRENT;
        boolean assumed = true;
        if (kubernetesVersion != null) {
            version = KubernetesVersion.parse(kubernetesVersion);
            assumed = false;
        }
        String level = null;
        if (podSecurityLevel != null) {
            level = podSecurityLevel.toLowerCase(Locale.ROOT);
            if (!Set.of("privileged", "baseline", "restricted").contains(level)) {
                throw new IllegalArgumentException("--pod-security-level must be privileged, baseline or restricted, "
                        + "not '" + podSecurityLevel + "'");
            }
        }
        return new Options(version, assumed, level, controller(), projectDir, noIgnores);
    }

    private ControllerConfig controller() {
        if (controllerConfig == null) {
            return null;
        }
        try {
            return ControllerConfig.parse(SourceReader.read(Path.of(controllerConfig), controllerConfig));
        } catch (InputError e) {
            throw new IllegalArgumentException("--controller-config: " + e.getMessage());
        } catch (YamlSyntaxError e) {
            throw new IllegalArgumentException("--controller-config: " + controllerConfig + ":" + e.span().line() + ":"
                    + e.span().column() + ": " + e.getMessage());
        }
    }

    boolean useColor() {
        switch (color.toLowerCase(Locale.ROOT)) {
            case "always": return true;
            case "never": return false;
            case "auto": return System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
            default: throw new IllegalArgumentException("--color must be auto, always or never, not '" + color + "'");
        }
    }
}
