package dev.bklint.pipeline;

import dev.bklint.yaml.YNode;

/** One environment variable as written: its name, its value as text, and the nodes that hold them. */
public record EnvVar(String name, String value, YNode nameNode, YNode valueNode, String origin) {
}
