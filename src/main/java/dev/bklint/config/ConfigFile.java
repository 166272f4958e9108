package dev.bklint.config;

import dev.bklint.source.InputError;
import dev.bklint.source.SourceFile;
import dev.bklint.source.SourceReader;
import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import dev.bklint.yaml.YScalar;
import dev.bklint.yaml.YSeq;
import dev.bklint.yaml.YamlDocument;
import dev.bklint.yaml.YamlLoader;
import dev.bklint.yaml.YamlSyntaxError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .bklint.yaml}: found by walking up from the working directory to the repository root, or named with
 * {@code --config}. It is checked against the schema shipped in the jar; a wrong key or value is an error with
 * its position.
 */
public record ConfigFile(Path path, String kubernetesVersion, String podSecurityLevel, String failOn,
                         Path controllerConfig, Path projectDir, Map<String, String> rules, List<String> ignore,
                         Map<String, List<String>> ignoreByRule) {
    public static final List<String> NAMES = List.of(".bklint.yaml", ".bklint.yml");

    /** The nearest config file from {@code start} up to the repository root (a folder with {@code .git}), or null. */
    public static Path discover(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            for (String name : NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
            if (Files.exists(dir.resolve(".git"))) {
                return null;
            }
        }
        return null;
    }

    public static ConfigFile load(Path path) throws ConfigError {
        SourceFile source;
        try {
            source = SourceReader.read(path, path.toString());
        } catch (InputError e) {
            throw new ConfigError(e.getMessage());
        }
        YNode root;
        try {
            List<YamlDocument> docs = YamlLoader.load(source);
            root = docs.isEmpty() ? null : docs.get(0).root();
        } catch (YamlSyntaxError e) {
            throw new ConfigError(path + ":" + e.span().line() + ":" + e.span().column() + ": " + e.getMessage());
        }
        if (root == null) {
            return new ConfigFile(path, null, null, null, null, null, Map.of(), List.of(), Map.of());
        }
        ConfigSchema.check(path, root);
        YMap map = root.asMap();
        Path base = path.toAbsolutePath().getParent();
        Map<String, String> rules = new LinkedHashMap<>();
        YMap rulesMap = map.getMap("rules");
        if (rulesMap != null) {
            for (YEntry e : rulesMap.entries()) {
                rules.put(e.keyText(), e.value().asScalar().value());
            }
        }
        List<String> ignore = new ArrayList<>();
        Map<String, List<String>> ignoreByRule = new LinkedHashMap<>();
        YNode ignoreNode = map.get("ignore");
        if (ignoreNode instanceof YSeq seq) {
            ignore.addAll(strings(seq));
        } else if (ignoreNode instanceof YMap byRule) {
            for (YEntry e : byRule.entries()) {
                ignoreByRule.put(e.keyText(), strings(e.value().asSeq()));
            }
        }
        return new ConfigFile(path, map.string("kubernetes-version"), map.string("pod-security-level"),
                map.string("fail-on"), resolve(base, map.string("controller-config")),
                resolve(base, map.string("project-dir")), rules, ignore, ignoreByRule);
    }

    private static Path resolve(Path base, String value) {
        return value == null ? null : base.resolve(value).normalize();
    }

    private static List<String> strings(YSeq seq) {
        List<String> list = new ArrayList<>();
        if (seq != null) {
            for (YNode n : seq.items()) {
                if (n instanceof YScalar s) {
                    list.add(s.value());
                }
            }
        }
        return list;
    }

    /** A configuration that cannot be used; the message starts with {@code path:line:col:} when it has a position. */
    public static final class ConfigError extends Exception {
        public ConfigError(String message) {
            super(message, null, false, false);
        }
    }
}
