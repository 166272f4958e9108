package dev.bklint.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {

    @Test
    void plainFieldsInOrderWithOffsets() {
        String csv = "type=image,name=a/b:1,push=true";
        CsvOptions options = CsvOptions.parse(csv);
        assertEquals(List.of(
                new CsvOptions.Entry("type", "image", 5),
                new CsvOptions.Entry("name", "a/b:1", csv.indexOf("a/b")),
                new CsvOptions.Entry("push", "true", csv.indexOf("true"))), options.entries());
    }

    @Test
    void quotedFieldMayHoldCommasAndDoubledQuotes() {
        String csv = "type=image,\"name=a,b\",\"x=say \"\"hi\"\"\",push=true";
        CsvOptions options = CsvOptions.parse(csv);
        assertEquals("a,b", options.get("name"));
        assertEquals(csv.indexOf("a,b"), options.entry("name").offset());
        assertEquals("say \"hi\"", options.get("x"));
        assertEquals("true", options.get("push"));
        assertEquals(4, options.entries().size());
    }

    @Test
    void keysAreLowerCasedAndLastWins() {
        CsvOptions options = CsvOptions.parse("Type=image,push=false,PUSH=true");
        assertEquals("image", options.get("type"));
        assertEquals("true", options.get("Push"));
        assertTrue(options.has("push"));
        assertFalse(options.has("name"));
        assertNull(options.get("name"));
    }

    @Test
    void fieldWithoutEqualsHasNullValueAndEmptyFieldsAreSkipped() {
        CsvOptions options = CsvOptions.parse("type=local,,dest=,inline");
        assertEquals(3, options.entries().size());
        assertEquals("", options.get("dest"));
        assertTrue(options.has("inline"));
        assertNull(options.get("inline"));
        assertEquals("type=local,,dest=,".length(), options.entry("inline").offset());
        assertTrue(CsvOptions.parse("").entries().isEmpty());
        assertTrue(CsvOptions.parse(null).entries().isEmpty());
    }

    @Test
    void strayQuotesAreKeptLiterally() {
        CsvOptions options = CsvOptions.parse("\"name=a\"b,ref=\"x");
        assertEquals("ab", options.get("name"));
        assertEquals("\"x", options.get("ref"));
    }
}
