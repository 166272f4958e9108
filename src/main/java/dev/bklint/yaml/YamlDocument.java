package dev.bklint.yaml;

import dev.bklint.source.SourceFile;
import java.util.List;

/** One document of a YAML stream: its root (null for an empty document) and what loading noticed. */
public record YamlDocument(SourceFile source, int index, YNode root, List<DuplicateKey> duplicateKeys) {
}
