package org.corpconnect.admin;

import jakarta.servlet.ServletException;
import java.io.IOException;

/** One page of an account (connection, users, ...): shown on GET, changed on POST. */
public interface AccountPage {

    void show(PageRequest page) throws ServletException, IOException;

    void change(PageRequest page) throws ServletException, IOException;
}
