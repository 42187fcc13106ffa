package org.corpconnect.sim.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The demo central app's certificate and its private key (PEM files beside this class). They are public
 * demo facts like the demo passwords: the key signs client assertions for {@code contoso-test} in the
 * simulator and nowhere else.
 */
public final class DemoAppCertificate {
    private static final String CERTIFICATE = "demo-app-certificate.pem";
    private static final String KEY = "demo-app-key.pem";

    private DemoAppCertificate() {
    }

    public static String certificatePem() {
        return resource(CERTIFICATE);
    }

    public static String privateKeyPem() {
        return resource(KEY);
    }

    public static X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificatePem().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The demo app certificate cannot be read", e);
        }
    }

    public static PrivateKey privateKey() {
        String base64 = privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The demo app key cannot be read", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DemoAppCertificate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
