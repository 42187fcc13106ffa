package org.corpconnect.calendar;

import org.corpconnect.BusinessException;

public class InvalidMailboxAddress extends BusinessException {

    public InvalidMailboxAddress(String value) {
        super("Not a mailbox address: '" + abbreviate(value) + "'. Expected name@domain.");
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
