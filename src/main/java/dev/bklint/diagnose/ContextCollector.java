package dev.bklint.diagnose;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers an incident's {@link IncidentContext} while its logs stream past. Each list is capped, so a log that
 * echoes a million commands still costs bounded memory; the first ones seen are kept (the step's own command comes
 * first).
 */
final class ContextCollector {
    static final int CAP = 64;

    private final Set<String> commands = new LinkedHashSet<>();
    private final Set<String> containers = new LinkedHashSet<>();
    private final Set<String> images = new LinkedHashSet<>();

    void command(String text) {
        add(commands, text);
    }

    void container(String name) {
        add(containers, name);
    }

    void image(String ref) {
        add(images, ref);
    }

    private static void add(Set<String> set, String value) {
        String v = value.strip();
        if (!v.isEmpty() && set.size() < CAP) {
            set.add(v);
        }
    }

    IncidentContext context() {
        return new IncidentContext(List.copyOf(commands), List.copyOf(containers), List.copyOf(images));
    }
}
