package dev.bklint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checkstyle and JUnit XML, read back with the JDK's XML parser. */
class XmlFormatsTest {
    @Test
    void checkstyleListsEveryFileAndEachFinding() throws Exception {
        Document doc = ReportsForTests.parseXml(new CheckstyleFormatter().format(ReportsForTests.withFindings()));
        Element root = doc.getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        assertEquals("4.3", root.getAttribute("version"));
        NodeList files = root.getElementsByTagName("file");
        assertEquals(2, files.getLength());
        Element pipeline = (Element) files.item(0);
        assertEquals(".buildkite/pipeline.yml", pipeline.getAttribute("name"));
        NodeList errors = pipeline.getElementsByTagName("error");
        assertEquals(3, errors.getLength());
        Element bk101 = (Element) errors.item(1);
        assertEquals("3", bk101.getAttribute("line"));
        assertEquals("12", bk101.getAttribute("column"));
        assertEquals("error", bk101.getAttribute("severity"));
        assertEquals("bklint.BK101", bk101.getAttribute("source"));
        assertEquals(ReportsForTests.error().message() + " " + ReportsForTests.error().why(),
                bk101.getAttribute("message"), "checkstyle has one message: the headline, then the why");
        Element bk205 = (Element) errors.item(2);
        assertEquals("warning", bk205.getAttribute("severity"));
        assertEquals("No timeout.\\nSet <timeout_in_minutes> & retry | or not.", bk205.getAttribute("message"),
                "<, > and & survive the round trip; a line break in a message is shown escaped, as in every format");
        assertEquals("info", ((Element) errors.item(0)).getAttribute("severity"));
        Element clean = (Element) files.item(1);
        assertEquals(".buildkite/clean.yml", clean.getAttribute("name"));
        assertEquals(0, clean.getElementsByTagName("error").getLength());
    }

    @Test
    void checkstyleForACleanRunHasFilesAndNoErrors() throws Exception {
        Document doc = ReportsForTests.parseXml(new CheckstyleFormatter().format(ReportsForTests.clean()));
        assertEquals(2, doc.getElementsByTagName("file").getLength());
        assertEquals(0, doc.getElementsByTagName("error").getLength());
    }

    @Test
    void junitHasASuitePerFileAFailurePerFindingAndAPassingCaseForCleanFiles() throws Exception {
        Document doc = ReportsForTests.parseXml(new JunitFormatter().format(ReportsForTests.withFindings()));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("skipped"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element pipeline = (Element) suites.item(0);
        assertEquals(".buildkite/pipeline.yml", pipeline.getAttribute("name"));
        assertEquals("3", pipeline.getAttribute("tests"));
        assertEquals("2", pipeline.getAttribute("failures"));
        NodeList cases = pipeline.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element bk101 = (Element) cases.item(1);
        assertEquals("BK101 root-image-not-privileged at steps[label=build].image", bk101.getAttribute("name"));
        assertEquals(".buildkite/pipeline.yml", bk101.getAttribute("classname"));
        assertEquals("3", bk101.getAttribute("line"));
        Element failure = (Element) bk101.getElementsByTagName("failure").item(0);
        assertEquals("error", failure.getAttribute("type"));
        assertEquals("error: " + ReportsForTests.error().message(), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith(".buildkite/pipeline.yml:3:12: error[BK101 "
                + "root-image-not-privileged] "), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("\nwhy: The daemon needs <privileges> & mounts | all of them.\n"
                + "fix: Set `privileged: true`.\nsecurityContext:\n"),
                failure.getTextContent());
        Element bk205 = (Element) cases.item(2);
        assertEquals("BK205 sandbox-off-without-timeout at steps[label=build].command", bk205.getAttribute("name"));
        assertEquals("warning", ((Element) bk205.getElementsByTagName("failure").item(0)).getAttribute("type"));
        Element info = (Element) cases.item(0);
        assertEquals(0, info.getElementsByTagName("failure").getLength());
        assertEquals("info: Needs the `privileged` level.",
                ((Element) info.getElementsByTagName("skipped").item(0)).getAttribute("message"),
                "an info finding under --fail-on warning does not fail the build, so it is not a failure");
        Element clean = (Element) suites.item(1);
        NodeList cleanCases = clean.getElementsByTagName("testcase");
        assertEquals(1, cleanCases.getLength());
        assertEquals("no findings", ((Element) cleanCases.item(0)).getAttribute("name"));
        assertEquals(0, ((Element) cleanCases.item(0)).getChildNodes().getLength());
    }

    @Test
    void junitForACleanRunShowsPassingTests() throws Exception {
        Document doc = ReportsForTests.parseXml(new JunitFormatter().format(ReportsForTests.clean()));
        assertEquals("2", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
        assertEquals(2, doc.getElementsByTagName("testcase").getLength());
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
    }

    @Test
    void xmlEscapingDropsWhatXmlCannotHold() throws Exception {
        String s = "a\u0001b\"c'd<e>&\n\uD800\u001b[2K\u009b\uFFFF";
        String xml = "<x a=\"" + Xml.attr(s) + "\">" + Xml.text(s) + "</x>";
        Document doc = ReportsForTests.parseXml(xml);
        assertEquals("a\\x01b\"c'd<e>&\n\\ud800\\e[2K\\u009b\uFFFD", doc.getDocumentElement().getAttribute("a"));
        assertEquals("a\\x01b\"c'd<e>&\n\\ud800\\e[2K\\u009b\uFFFD", doc.getDocumentElement().getTextContent());
    }
}
