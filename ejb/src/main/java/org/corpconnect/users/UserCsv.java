package org.corpconnect.users;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a user list in CSV: {@code address[,display name[,time zone]]}, with or without a header
 * line, comma or semicolon separated (as spreadsheets export it in many locales).
 */
public final class UserCsv {

    public static final int MAX_ROWS = 10_000;
    private static final Set<String> HEADER_WORDS = Set.of("address", "email", "e-mail", "mail", "smtp");

    public record Row(long line, String address, String displayName, String timeZone) {
    }

    private UserCsv() {
    }

    /**
     * @throws InvalidUser when the text is not CSV (a quote not closed, a quote inside an unquoted
     *         field), with the line where it went wrong, or holds more than {@link #MAX_ROWS} rows
     */
    public static List<Row> parse(Reader csv, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        CSVParser parser = format.parse(csv);
        try {
            for (CSVRecord record : parser) {
                String first = record.size() > 0 ? record.get(0) : "";
                if (record.getRecordNumber() == 1 && HEADER_WORDS.contains(first.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidUser("A list holds at most " + MAX_ROWS + " users; split it.");
                }
                rows.add(new Row(parser.getCurrentLineNumber(), first, field(record, 1), field(record, 2)));
            }
        } catch (UncheckedIOException | IllegalStateException malformed) {
            // Commons CSV reports bad quoting from its iterator, wrapped: the file's fault, not ours.
            throw new InvalidUser("The file is not readable as CSV after line " + parser.getCurrentLineNumber()
                    + ": a quoted field is not closed, or a quote stands inside an unquoted field.");
        }
        return rows;
    }

    /** Semicolons when the first line has more of them than commas. */
    public static char guessDelimiter(String firstLine) {
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private static String field(CSVRecord record, int index) {
        return record.size() > index && !record.get(index).isBlank() ? record.get(index) : null;
    }
}
