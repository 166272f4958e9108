package dev.bklint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The documentation address: the environment over the build, trimmed, and only a plain https address. */
class ProjectLinksTest {
    @Test
    void theEnvironmentWinsOverTheBuildAndATrailingSlashGoes() {
        assertEquals("https://git.example.com/tools/bklint/blob/v1.2.0",
                ProjectLinks.base("https://git.example.com/tools/bklint/blob/v1.2.0/", "https://other.example.com"));
        assertEquals("https://other.example.com", ProjectLinks.base("", "https://other.example.com"));
        assertEquals("https://other.example.com", ProjectLinks.base(null, " https://other.example.com "));
    }

    @Test
    void noAddressIsInventedAndAnUnsafeOneIsRefused() {
        assertNull(ProjectLinks.base(null, ""));
        assertNull(ProjectLinks.base("http://plain.example.com", null), "https only");
        assertNull(ProjectLinks.base("https://x.example.com/a) [b](https://evil.example.com", null),
                "nothing Markdown would read as more than an address");
        assertNull(ProjectLinks.base("https://x.example.com/\"onmouseover=\"", null));
        assertNull(ProjectLinks.base("https://x.example.com/a b", null));
    }
}
