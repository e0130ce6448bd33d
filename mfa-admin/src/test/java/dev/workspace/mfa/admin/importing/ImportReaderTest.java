package dev.workspace.mfa.admin.importing;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ImportReaderTest {

    private static List<ImportReader.Item> read(ImportReader.Format format, String text) {
        List<ImportReader.Item> items = new ArrayList<>();
        ImportReader.of(format, new StringReader(text)).forEachRemaining(items::add);
        return items;
    }

    private static String problem(ImportReader.Item item) {
        return item.error() == null ? "none" : item.error().line() + ":" + item.error().code();
    }

    @Test
    void csvColumnsInAnyOrderWithQuotingListsAndCrLf() {
        List<ImportReader.Item> items = read(ImportReader.Format.CSV,
                "\uFEFFName,EMAIL,roles,groups,password_hash,totp_secret\r\n"
                + "\"Lovelace, Ada\",ada@example.com,admin; user,\"Eng;\"\"Ops\"\"\",$2b$10$abc,JBSWY3DPEHPK3PXP\r\n"
                + "\r\n"
                + "\"Multi\nline\",bob@example.com,,,,\n");
        assertEquals(2, items.size());
        ImportLine ada = items.get(0).person();
        assertEquals(2, ada.line());
        assertEquals("ada@example.com", ada.email());
        assertEquals("Lovelace, Ada", ada.name());
        assertEquals(List.of("admin", "user"), ada.roles());
        assertEquals(List.of("Eng", "\"Ops\""), ada.groups());
        assertEquals("$2b$10$abc", ada.passwordHash());
        assertEquals("JBSWY3DPEHPK3PXP", ada.totpSecret());
        assertNull(ada.password());
        ImportLine bob = items.get(1).person();
        assertEquals(4, bob.line(), "a record is numbered by the line it starts on");
        assertEquals("Multi\nline", bob.name());
        assertEquals(List.of(), bob.roles());
        assertNull(bob.passwordHash());
    }

    @Test
    void csvPasswordKeepsItsSpacesButAnEmptyOneIsAbsent() {
        List<ImportReader.Item> items = read(ImportReader.Format.CSV, "email,password\na@example.com, pass word \nb@example.com,\n");
        assertEquals(" pass word ", items.get(0).person().password());
        assertNull(items.get(1).person().password());
    }

    @Test
    void csvUnknownColumnStopsAtTheHeader() {
        List<ImportReader.Item> items = read(ImportReader.Format.CSV, "email,salary\na@example.com,1\n");
        assertEquals(1, items.size());
        assertEquals("1:UNKNOWN_COLUMN", problem(items.get(0)));
        assertEquals("salary", items.get(0).error().detail());
    }

    @Test
    void csvWithoutEmailColumnIsRefused() {
        assertEquals("1:NO_EMAIL_COLUMN", problem(read(ImportReader.Format.CSV, "name\nAda\n").get(0)));
    }

    @Test
    void csvLineWithTooManyFieldsIsReportedAndTheNextLineStillRead() {
        List<ImportReader.Item> items = read(ImportReader.Format.CSV, "email,name\na@example.com,A,extra\nb@example.com,B\n");
        assertEquals("2:TOO_MANY_FIELDS", problem(items.get(0)));
        assertEquals("b@example.com", items.get(1).person().email());
    }

    @Test
    void csvQuoteLeftOpenEndsTheFile() {
        List<ImportReader.Item> items = read(ImportReader.Format.CSV, "email,name\na@example.com,\"Ada\nb@example.com,B\n");
        assertEquals(1, items.size());
        assertEquals("2:UNCLOSED_QUOTE", problem(items.get(0)));
    }

    @Test
    void csvLineOverTheLimitIsSkippedAlone() {
        String huge = "x".repeat(ImportReader.MAX_LINE_CHARS + 10);
        List<ImportReader.Item> items = read(ImportReader.Format.CSV, "email,name\na@example.com," + huge + "\nb@example.com,B\n");
        assertEquals("2:LINE_TOO_LONG", problem(items.get(0)));
        assertEquals(3, items.get(1).person().line());
    }

    @Test
    void csvEmptyFileHasNoItems() {
        assertEquals(List.of(), read(ImportReader.Format.CSV, ""));
    }

    @Test
    void jsonArrayWithListsAsArraysOrStrings() {
        List<ImportReader.Item> items = read(ImportReader.Format.JSON, """
                [{"email": "ada@example.com", "name": "Ada", "roles": ["admin", " user "], "groups": "Eng;Ops",
                  "password_hash": "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g", "totp_secret": null},
                 {"email": "bob@example.com"}]""");
        ImportLine ada = items.get(0).person();
        assertEquals(1, ada.line());
        assertEquals(List.of("admin", "user"), ada.roles());
        assertEquals(List.of("Eng", "Ops"), ada.groups());
        assertNull(ada.totpSecret());
        assertEquals(2, items.get(1).person().line());
    }

    @Test
    void jsonItemsOfTheWrongShapeAreReportedOneByOne() {
        List<ImportReader.Item> items = read(ImportReader.Format.JSON, """
                [42, {"email": "a@example.com", "salary": 1}, {"email": 7}, {"email": "b@example.com", "roles": [1]},
                 {"email": "c@example.com"}]""");
        assertEquals(List.of("1:NOT_AN_OBJECT", "2:UNKNOWN_COLUMN", "3:BAD_FIELD", "4:BAD_FIELD", "none"),
                items.stream().map(ImportReaderTest::problem).toList());
        assertEquals("email", items.get(2).error().detail());
        assertEquals("c@example.com", items.get(4).person().email());
    }

    @Test
    void jsonThatIsNotAnArrayOrBreaksOffEndsWithOneError() {
        assertEquals(List.of("1:BAD_JSON"), read(ImportReader.Format.JSON, "{\"email\": \"a@example.com\"}")
                .stream().map(ImportReaderTest::problem).toList());
        assertEquals(List.of("none", "2:BAD_JSON"), read(ImportReader.Format.JSON, "[{\"email\": \"a@example.com\"}, {\"email\"")
                .stream().map(ImportReaderTest::problem).toList());
        assertEquals(List.of("1:BAD_JSON"), read(ImportReader.Format.JSON, "not json at all")
                .stream().map(ImportReaderTest::problem).toList());
        assertEquals(List.of("1:BAD_JSON"), read(ImportReader.Format.JSON, "")
                .stream().map(ImportReaderTest::problem).toList());
    }

    @Test
    void moreLinesThanOneImportTakesEndWithTooManyLines() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i <= ImportReader.MAX_LINES; i++) {
            csv.append('p').append(i).append("@example.com\n");
        }
        List<ImportReader.Item> items = read(ImportReader.Format.CSV, csv.toString());
        assertEquals(ImportReader.MAX_LINES + 1, items.size());
        assertEquals((ImportReader.MAX_LINES + 2) + ":TOO_MANY_LINES", problem(items.get(ImportReader.MAX_LINES)));
    }
}
