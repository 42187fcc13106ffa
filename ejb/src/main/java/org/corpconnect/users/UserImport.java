package org.corpconnect.users;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corpconnect.BusinessException;
import org.corpconnect.account.Account;
import org.corpconnect.calendar.MailboxAddress;

/** Adds the users of a CSV list one by one: a bad or duplicate row is reported and the others go in. */
@Stateless
public class UserImport {

    public enum Outcome { ADDED, ALREADY_EXISTS, INVALID }

    public record RowReport(long line, String address, Outcome outcome, String message) {
    }

    private static final int LOOKAHEAD = 64 * 1024;

    @Inject
    private Users users;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Each row commits or fails on its own.
    public List<RowReport> importCsv(Account account, Reader csv, ZoneId defaultZone) {
        BufferedReader reader = new BufferedReader(csv);
        List<UserCsv.Row> rows;
        try {
            rows = UserCsv.parse(reader, UserCsv.guessDelimiter(firstLine(reader)));
        } catch (IOException e) {
            throw new InvalidUser("The file could not be read; upload it again.");
        }
        List<RowReport> report = new ArrayList<>(rows.size());
        Set<MailboxAddress> seen = new HashSet<>();
        for (UserCsv.Row row : rows) {
            report.add(importRow(account, row, defaultZone, seen));
        }
        return report;
    }

    /** The first line, or its first {@value #LOOKAHEAD} characters, left unread for the parser. */
    private static String firstLine(BufferedReader reader) throws IOException {
        char[] head = new char[LOOKAHEAD];
        reader.mark(LOOKAHEAD);
        int length = 0;
        int n;
        while (length < LOOKAHEAD && (n = reader.read(head, length, LOOKAHEAD - length)) >= 0) {
            length += n;
        }
        reader.reset();
        return new String(head, 0, length).lines().findFirst().orElse("");
    }

    private RowReport importRow(Account account, UserCsv.Row row, ZoneId defaultZone, Set<MailboxAddress> seen) {
        try {
            MailboxAddress address = new MailboxAddress(row.address());
            ZoneId zone = row.timeZone() == null ? defaultZone : NewUser.zone(row.timeZone());
            if (!seen.add(address)) {
                return new RowReport(row.line(), row.address(), Outcome.ALREADY_EXISTS, "Listed twice in this file.");
            }
            users.add(account, new NewUser(address, row.displayName(), zone));
            return new RowReport(row.line(), address.value(), Outcome.ADDED, null);
        } catch (UserAlreadyExists e) {
            return new RowReport(row.line(), row.address(), Outcome.ALREADY_EXISTS, e.getMessage());
        } catch (BusinessException e) {
            return new RowReport(row.line(), row.address(), Outcome.INVALID, e.getMessage());
        }
    }
}
