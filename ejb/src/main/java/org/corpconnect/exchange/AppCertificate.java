package org.corpconnect.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.credentials.Secret;

/**
 * An app registration's certificate with its private key, the way Entra ID prefers an app to prove
 * itself. Admins hold it as a PKCS#12 file (.pfx) or as PEM; it is kept as one PEM text (the private
 * key in PKCS#8, then the certificate), so that it is stored encrypted as a single secret.
 */
public record AppCertificate(PrivateKey privateKey, X509Certificate certificate) {

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    public AppCertificate {
        Objects.requireNonNull(privateKey);
        Objects.requireNonNull(certificate);
    }

    /** The first key entry of a PKCS#12 file with its certificate; the password opens the file. */
    public static AppCertificate fromPkcs12(byte[] pkcs12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key
                        && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return new AppCertificate(key, certificate);
                }
            }
            throw new InvalidAppCertificate("The PKCS#12 file holds no private key with its certificate.");
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidAppCertificate("The PKCS#12 file could not be opened: a .pfx with the private key is"
                    + " needed, with its password.");
        }
    }

    /** A PEM text with one unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) and its certificate. */
    public static AppCertificate fromPem(String pem) {
        PrivateKey key = null;
        X509Certificate certificate = null;
        Matcher block = PEM_BLOCK.matcher(pem == null ? "" : pem);
        try {
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(2));
                switch (block.group(1)) {
                    case "PRIVATE KEY" -> key = privateKey(der);
                    case "CERTIFICATE" -> {
                        if (certificate == null) {
                            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                                    .generateCertificate(new ByteArrayInputStream(der));
                        }
                    }
                    default -> { } // other blocks (a chain's further certificates, parameters) are not needed
                }
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidAppCertificate("The PEM text could not be read: " + e.getClass().getSimpleName() + ".");
        }
        if (key == null || certificate == null) {
            throw new InvalidAppCertificate("A PEM text needs an unencrypted private key (BEGIN PRIVATE KEY) and its"
                    + " certificate (BEGIN CERTIFICATE).");
        }
        return new AppCertificate(key, certificate);
    }

    /** The key and certificate as one PEM text: what is stored, encrypted. */
    public Secret toPem() {
        try {
            return Secret.of(block("PRIVATE KEY", privateKey.getEncoded()) + block("CERTIFICATE", certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new InvalidAppCertificate("The certificate could not be encoded.");
        }
    }

    /** What Entra ID shows for an uploaded certificate: the SHA-1 thumbprint, upper-case hex. */
    public String thumbprint() {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new InvalidAppCertificate("The certificate could not be encoded.");
        }
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public String toString() {
        return "AppCertificate[" + certificate.getSubjectX500Principal().getName() + ", " + thumbprint() + "]";
    }

    /** An uploaded certificate that cannot serve: the admin's input, told in one sentence. */
    public static final class InvalidAppCertificate extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidAppCertificate(String message) {
            super(message);
        }
    }
}
