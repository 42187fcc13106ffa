package org.corpconnect.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserCsvTest {

    @Test
    void readsRowsWithOptionalColumnsAndSkipsTheHeader() throws Exception {
        String csv = """
                Address,Display name,Time zone
                anna.schmidt@contoso.test,"Schmidt, Anna",Europe/Berlin

                james.miller@contoso.test
                """;

        List<UserCsv.Row> rows = UserCsv.parse(new StringReader(csv), ',');

        assertEquals(2, rows.size());
        assertEquals(new UserCsv.Row(2, "anna.schmidt@contoso.test", "Schmidt, Anna", "Europe/Berlin"), rows.get(0));
        assertEquals("james.miller@contoso.test", rows.get(1).address());
        assertNull(rows.get(1).displayName());
        assertNull(rows.get(1).timeZone());
    }

    @Test
    void semicolonListsFromSpreadsheetsAreRecognised() throws Exception {
        String csv = "anna.schmidt@contoso.test;Anna Schmidt;Europe/Berlin\n";

        char delimiter = UserCsv.guessDelimiter(csv.lines().findFirst().orElseThrow());
        List<UserCsv.Row> rows = UserCsv.parse(new StringReader(csv), delimiter);

        assertEquals(';', delimiter);
        assertEquals("Anna Schmidt", rows.get(0).displayName());
    }

    @Test
    void aFirstRowThatIsAnAddressIsData() throws Exception {
        assertEquals(1, UserCsv.parse(new StringReader("a@contoso.test\n"), ',').size());
    }

    @Test
    void anUnterminatedQuoteIsAReadableRefusalWithItsLine() {
        String csv = "anna.schmidt@contoso.test,Anna\nlukas.weber@contoso.test,\"Weber, Lukas\nsophie@contoso.test\n";

        InvalidUser refused = assertThrows(InvalidUser.class, () -> UserCsv.parse(new StringReader(csv), ','));

        assertTrue(refused.getMessage().startsWith("The file is not readable as CSV after line"), refused.getMessage());
        assertTrue(refused.getMessage().contains("quoted field is not closed"), refused.getMessage());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsARefusalToo() {
        assertThrows(InvalidUser.class, () -> UserCsv.parse(new StringReader("anna@contoso.test,Ann\"a\"x,\"Europe\"/Berlin\n"), ','));
    }
}
