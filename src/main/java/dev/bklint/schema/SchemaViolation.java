package dev.bklint.schema;

import dev.bklint.yaml.YEntry;
import dev.bklint.yaml.YMap;
import dev.bklint.yaml.YNode;
import java.util.List;

/**
 * One place where the kubernetes plugin's configuration does not fit what the controller decodes.
 *
 * @param kind      what is wrong
 * @param node      where to report: the key for {@link Kind#UNKNOWN_KEY}, else the value
 * @param entry     the mapping entry of the key or value; null for a list item
 * @param parent    the mapping that holds the entry; null for a list item
 * @param path      where it is, as written: the mapping holding an unknown key ({@code podSpec.containers[0]}, empty
 *                  for the plugin itself), or the value ({@code podSpec.containers[0].env[0].value})
 * @param owner     the type of the mapping that holds the key or value ({@code Container}, {@code EnvVar}...)
 * @param fields    the field names from the plugin down to the key or value, without list indices, as Go names them
 *                  ({@code podSpec, containers, env, value})
 * @param validKeys for an unknown key: the keys its mapping has, sorted
 * @param expected  for a wrong type: what the field takes ("a string", "a list"...); for an invalid value: the
 *                  values it takes
 * @param found     the JSON kind the controller receives: number, string, bool, array, object
 * @param goField   for a wrong type, the field as Go's decoder names it in its error
 *                  ({@code EnvVar.podSpec.containers.env.value})
 */
public record SchemaViolation(Kind kind, YNode node, YEntry entry, YMap parent, String path, String owner, List<String> fields,
                              List<String> validKeys, String expected, String found,
                              String goField) {
    public enum Kind { UNKNOWN_KEY, WRONG_TYPE, INVALID_VALUE }

    /** The key (for an unknown key) or the field name of the value; null for a list item. */
    public String key() {
        return entry == null ? null : entry.keyText();
    }
}
