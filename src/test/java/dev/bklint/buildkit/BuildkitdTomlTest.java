package dev.bklint.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildkitdTomlTest {
    @Test
    void readsTheDocsExample() {
        String text = "# comment\ndebug = true\ninsecure-entitlements = [ \"network.host\", \"security.insecure\" ]\n"
                + "[grpc]\n  address = [ \"tcp://0.0.0.0:1234\" ]\n  debugAddress = \"0.0.0.0:6060\"\n  uid = 0\n"
                + "  [grpc.tls]\n    cert = \"/etc/buildkit/tls.crt\"\n    key = \"/etc/buildkit/tls.key\"\n"
                + "    ca = \"/etc/buildkit/tlsca.crt\"\n\n[worker.oci]\n  enabled = true\n"
                + "  platforms = [ \"linux/amd64\", \"linux/arm64\" ]\n[registry.\"docker.io\"]\n"
                + "  mirrors = [\"mirror.gcr.io\"]\n[[worker.oci.gcpolicy]]\n  keepBytes = 10240000000\n";
        BuildkitdToml toml = BuildkitdToml.parse(text);
        assertEquals(List.of("tcp://0.0.0.0:1234"), toml.addresses().stream().map(BuildkitdToml.Address::value)
                .toList());
        BuildkitdToml.Address a = toml.addresses().get(0);
        assertEquals("tcp://0.0.0.0:1234", text.substring(a.start(), a.end()));
        assertEquals("/etc/buildkit/tlsca.crt", toml.tls("ca"));
        assertEquals("/etc/buildkit/tls.key", toml.tls("key"));
    }

    @Test
    void readsDottedKeysInlineTablesAndMultiLineArrays() {
        assertEquals("tcp://a:1", BuildkitdToml.parse("grpc.address = ['tcp://a:1']").addresses().get(0).value());
        BuildkitdToml inline = BuildkitdToml.parse("[grpc]\ntls = { ca = \"/ca.pem\" }\naddress = [\n"
                + "  \"unix:///x.sock\", # the socket\n  \"tcp://b:2\",\n]\n");
        assertEquals("/ca.pem", inline.tls("ca"));
        assertEquals("tcp://b:2", inline.addresses().get(1).value());
        assertEquals("", BuildkitdToml.parse("[grpc]\ndebugAddress = \"x\"\n").tls("ca"));
        assertEquals(0, BuildkitdToml.parse("").addresses().size());
    }

    @Test
    void escapesKeepTheValueButNotItsPlace() {
        BuildkitdToml.Address a = BuildkitdToml.parse("[grpc]\naddress = [\"tcp://\\\\a:1\"]").addresses().get(0);
        assertEquals("tcp://\\a:1", a.value());
        assertEquals(-1, a.start());
    }

    @Test
    void anythingUncertainIsUnreadable() {
        assertNull(BuildkitdToml.parse("[grpc]\naddress = \"tcp://a:1\"\n")); // not a list: the file does not load
        assertNull(BuildkitdToml.parse("[grpc]\nAddress = [\"tcp://a:1\"]\n")); // go-toml may match it by case
        assertNull(BuildkitdToml.parse("[grpc]\n[grpc]\n")); // a table twice
        assertNull(BuildkitdToml.parse("[grpc]\naddress = [\"tcp://a:1\"\n")); // unclosed
        assertNull(BuildkitdToml.parse("[grpc.tls]\nca = \"\\u0041\"\n")); // an escape it does not decode
        assertNull(BuildkitdToml.parse("[grpc]\naddress = [\"a\"] x\n")); // trailing text
        assertNull(BuildkitdToml.parse("[[grpc]]\n"));
        assertNull(BuildkitdToml.parse("[grpc]\naddress = [\"a\"]\naddress = [\"b\"]\n"));
    }
}
