package org.corpconnect.admin.connection;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.corpconnect.admin.PageRequest;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.connection.InvalidConnection;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AppCertificate;
import org.corpconnect.exchange.ExchangeCredential.AppSecret;

/**
 * The connection form's Microsoft Graph central mode (app-only, scoped by RBAC for Applications): the
 * tenant, the app, and how the app proves itself: a certificate (preferred; a .pfx file with its
 * password, or PEM text) or a client secret with the date it ends. Each bad field gets its message.
 */
final class GraphCentralForm {

    /** How the admin hands over the app's credential. */
    enum CredentialKind { CERTIFICATE_FILE, CERTIFICATE_PEM, SECRET }

    /** The form's field for each name {@link ConnectionSettings#withGraphApp} may blame. */
    private static final Map<String, String> FIELDS = Map.of("tenant", "graphTenant", "clientId", "graphClientId");

    private static final long MAX_CERTIFICATE_BYTES = 64 * 1024;

    private GraphCentralForm() {
    }

    static Optional<ConnectionSettings> read(PageRequest page, GraphCloud cloud, MailboxAddress mailbox)
            throws IOException, ServletException {
        Optional<AppSecret> secret = switch (kind(page)) {
            case CERTIFICATE_FILE -> certificateFile(page).map(GraphCentralForm::asSecret);
            case CERTIFICATE_PEM -> certificatePem(page).map(GraphCentralForm::asSecret);
            case SECRET -> clientSecret(page);
        };
        try {
            ConnectionSettings settings = ConnectionSettings.withGraphApp(cloud, mailbox, page.param("graphTenant"),
                    page.param("graphClientId"), secret.orElse(null));
            return secret.isPresent() ? Optional.of(settings) : Optional.empty();
        } catch (InvalidConnection e) {
            // A missing credential was already told next to its own field.
            e.field().map(FIELDS::get).ifPresent(field -> page.error(field, e.getMessage()));
            return Optional.empty();
        }
    }

    static CredentialKind kind(PageRequest page) {
        try {
            return CredentialKind.valueOf(page.param("graphCredential").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notOne) {
            return CredentialKind.CERTIFICATE_FILE;
        }
    }

    /** Where a refusal of the app's credential is shown: next to what the admin entered. */
    static String credentialField(PageRequest page) {
        return switch (kind(page)) {
            case CERTIFICATE_FILE -> "graphCertificateFile";
            case CERTIFICATE_PEM -> "graphCertificatePem";
            case SECRET -> "graphClientSecret";
        };
    }

    private static Optional<AppCertificate> certificateFile(PageRequest page) throws IOException, ServletException {
        Part file = multipart(page) ? page.http().getPart("graphCertificateFile") : null;
        if (file == null || file.getSize() == 0) {
            page.error("graphCertificateFile", "Choose the app's certificate as a .pfx (PKCS#12) file with its private"
                    + " key, or paste it as PEM.");
            return Optional.empty();
        }
        if (file.getSize() > MAX_CERTIFICATE_BYTES) {
            page.error("graphCertificateFile", "This file is larger than a certificate with its key (64 KB at most).");
            return Optional.empty();
        }
        byte[] pkcs12;
        try (InputStream in = file.getInputStream()) {
            pkcs12 = in.readAllBytes();
        }
        String password = page.http().getParameter("graphCertificatePassword");
        return current(page, "graphCertificateFile", () -> AppCertificate.fromPkcs12(pkcs12,
                (password == null ? "" : password).toCharArray()));
    }

    private static Optional<AppCertificate> certificatePem(PageRequest page) {
        String pem = page.http().getParameter("graphCertificatePem");
        if (pem == null || pem.isBlank()) {
            page.error("graphCertificatePem", "Paste the private key (BEGIN PRIVATE KEY) and the certificate"
                    + " (BEGIN CERTIFICATE), or choose a .pfx file.");
            return Optional.empty();
        }
        return current(page, "graphCertificatePem", () -> AppCertificate.fromPem(pem));
    }

    /** A certificate that reads, and has not ended: Entra ID would refuse an ended one. */
    private static Optional<AppCertificate> current(PageRequest page, String field,
                                                    java.util.function.Supplier<AppCertificate> reading) {
        try {
            AppCertificate certificate = reading.get();
            LocalDate end = certificate.notAfter().atZone(ZoneOffset.UTC).toLocalDate();
            if (end.isBefore(today())) {
                page.error(field, "This certificate ended on " + end + ": make a new one, upload it to the app in"
                        + " Entra ID and here.");
                return Optional.empty();
            }
            return Optional.of(certificate);
        } catch (AppCertificate.InvalidAppCertificate e) {
            page.error(field, e.getMessage());
            return Optional.empty();
        }
    }

    private static AppSecret asSecret(AppCertificate certificate) {
        return new AppSecret.ClientCertificate(certificate.toPem(),
                Optional.of(certificate.notAfter().atZone(ZoneOffset.UTC).toLocalDate()));
    }

    /** A client secret needs its end date, which Entra ID shows beside it: the admin is warned before. */
    private static Optional<AppSecret> clientSecret(PageRequest page) {
        String secret = page.http().getParameter("graphClientSecret");
        boolean fine = true;
        if (secret == null || secret.isEmpty()) {
            page.error("graphClientSecret", "Required: the secret's value is tested, stored encrypted and never shown"
                    + " again.");
            fine = false;
        }
        Optional<LocalDate> expires = expires(page);
        return fine && expires.isPresent()
                ? Optional.of(new AppSecret.ClientSecret(Secret.of(secret), expires)) : Optional.empty();
    }

    private static Optional<LocalDate> expires(PageRequest page) {
        String value = page.param("graphSecretExpires");
        if (value.isEmpty()) {
            page.error("graphSecretExpires", "Required: the date Entra ID shows in the secret's Expires column, so"
                    + " that you are warned before it ends.");
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(today())) {
                page.error("graphSecretExpires", "This secret ended on " + date + ": make a new one in Entra ID.");
                return Optional.empty();
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            page.error("graphSecretExpires", "Not a date: write it as year-month-day, for example 2027-06-30.");
            return Optional.empty();
        }
    }

    private static boolean multipart(PageRequest page) {
        String type = page.http().getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static LocalDate today() {
        return LocalDate.now(Clock.systemUTC());
    }
}
