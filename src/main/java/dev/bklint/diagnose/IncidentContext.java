package dev.bklint.diagnose;

import java.util.List;

/**
 * What the logs of one incident say about where they ran, used to find the pipeline step: the commands the agent
 * echoed ({@code $ ...}), container names and image references that controller tables, kubelet messages and
 * {@code kubectl describe} named. Each list keeps first-seen order without repeats.
 */
public record IncidentContext(List<String> commands, List<String> containers, List<String> images) {
    public static final IncidentContext EMPTY = new IncidentContext(List.of(), List.of(), List.of());

    public IncidentContext {
        commands = List.copyOf(commands);
        containers = List.copyOf(containers);
        images = List.copyOf(images);
    }
}
