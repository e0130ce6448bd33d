package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.audit.AuditEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The audit log as CSV (RFC 4180), for the console's Export CSV and {@code GET /api/v1/audit.csv}. A cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe.
 */
public final class AuditCsv {

    public static final String HEADER = "time,type,actor,subject,clientAddress,detail\r\n";

    private AuditCsv() {
    }

    public static void write(Writer out, AuditEntry entry) {
        try {
            out.write(entry.time().toString());
            for (String cell : new String[]{entry.type(), entry.actor(), entry.subject(), entry.clientAddress(), entry.detail()}) {
                out.write(',');
                out.write(cell(cell));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
