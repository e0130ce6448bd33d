package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditCsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", AuditCsv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", AuditCsv.cell("+1"));
        assertEquals("'-2", AuditCsv.cell("-2"));
        assertEquals("'@SUM(A1)", AuditCsv.cell("@SUM(A1)"));
        assertEquals("\"'\rcmd\"", AuditCsv.cell("\rcmd"));
        assertEquals("'\tx", AuditCsv.cell("\tx"));
    }

    @Test
    void cellsAreQuotedPerRfc4180() {
        assertEquals("plain", AuditCsv.cell("plain"));
        assertEquals("\"a,b\"", AuditCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditCsv.cell("two\nlines"));
        assertEquals("", AuditCsv.cell(null));
        assertEquals("a-b", AuditCsv.cell("a-b"), "only a leading sign is a formula");
    }

    @Test
    void oneEventIsOneRowUnderTheHeader() {
        StringWriter out = new StringWriter();
        AuditCsv.write(out, new AuditEntry(7, Instant.parse("2026-12-01T09:30:00Z"), "TWO_FACTOR_RESET",
                "admin@example.com", "ada@example.com", "10.0.0.1", "reset, sessions ended"));
        assertEquals("2026-12-01T09:30:00Z,TWO_FACTOR_RESET,admin@example.com,ada@example.com,10.0.0.1,"
                + "\"reset, sessions ended\"\r\n", out.toString());
        assertEquals(6, AuditCsv.HEADER.split(",").length);
    }
}
