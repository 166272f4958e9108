package dev.bklint.buildkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags buildctl defines at one position (global, or for one subcommand), and which take a value:
 * moby/buildkit@73ed6825c4b7 cmd/buildctl/main.go:50-105 and cmd/buildctl/build.go:44-123.
 */
public record BuildctlFlagTable(Set<String> valued, Set<String> booleans, Map<String, String> aliases) {

    static final BuildctlFlagTable GLOBAL = new BuildctlFlagTable(
            Set.of("addr", "log-format", "tlsservername", "tlscacert", "tlscert", "tlskey", "tlsdir", "timeout"),
            Set.of("debug", "wait", "help", "version"),
            Map.of("h", "help", "v", "version"));

    static final BuildctlFlagTable BUILD = new BuildctlFlagTable(
            Set.of("output", "progress", "trace", "local", "oci-layout", "frontend", "opt", "export-cache",
                    "import-cache", "secret", "allow", "ssh", "metadata-file", "source-policy-file", "ref-file",
                    "registry-auth-tlscontext", "debug-json-cache-metrics"),
            // proxy-network is a BoolFlag and debug-json-cache-metrics a StringFlag (build.go:107-122).
            Set.of("no-cache", "proxy-network", "help"),
            Map.of("o", "output", "h", "help"));

    /** Other subcommands: only the help flag urfave/cli adds to every command is modelled. */
    static final BuildctlFlagTable OTHER = new BuildctlFlagTable(Set.of(), Set.of("help"), Map.of("h", "help"));

    /** docker/buildx flags that take a value, so a misplaced {@code --tag x} keeps {@code x} as its value. */
    static final Set<String> FOREIGN_VALUED = Set.of(
            "tag", "t", "file", "f", "build-arg", "platform", "target", "cache-from", "cache-to");

    /**
     * {@code buildctl build} flags removed in moby/buildkit 8b22fccf8 (first release without them v0.11.0), each
     * with what replaces it. All four took a value (a StringFlag or StringSliceFlag).
     */
    public static final Map<String, String> REMOVED_BUILD_FLAGS = Map.of(
            "exporter", "--output type=<type>[,<opt>=<optval>]",
            "exporter-opt", "--output type=<type>[,<opt>=<optval>]",
            "frontend-opt", "--opt <opt>=<optval>",
            "export-cache-opt", "--export-cache type=<type>,<opt>=<optval>");

    /** Every {@code buildctl build} flag name (long names and aliases), global ones included, for suggestions. */
    public static List<String> buildFlagNames() {
        List<String> names = new ArrayList<>();
        for (BuildctlFlagTable t : new BuildctlFlagTable[] {BUILD, GLOBAL}) {
            names.addAll(t.valued);
            names.addAll(t.booleans);
        }
        Collections.sort(names);
        return names;
    }

    static BuildctlFlagTable forSubcommand(String subcommandName) {
        return "build".equals(subcommandName) ? BUILD : OTHER;
    }

    /** The canonical name for a name as written (alias resolved), or null if this table lacks it. */
    String canonical(String writtenName) {
        String name = aliases.getOrDefault(writtenName, writtenName);
        return valued.contains(name) || booleans.contains(name) ? name : null;
    }

    boolean takesValue(String canonicalName) {
        return valued.contains(canonicalName);
    }
}
