package org.corpconnect.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The Java runtime's trusted authorities plus the certificates of one PEM file the operator names
 * ({@code exchange.trusted-certificates-file}): a private CA in front of Exchange, or the simulator's
 * own certificate in the demo and the tests. Without the file, nothing but the runtime's defaults.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    public static Optional<SSLContext> withFile(Optional<Path> pemFile) {
        if (pemFile.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream pem = Files.newInputStream(pemFile.get())) {
            Collection<? extends Certificate> extra = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate standard : defaultTrustManager().getAcceptedIssuers()) {
                anchors.setCertificateEntry("default-" + n++, standard);
            }
            for (Certificate certificate : extra) {
                anchors.setCertificateEntry("operator-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The trusted certificates file " + pemFile.get()
                    + " could not be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("The runtime has no X.509 trust manager."));
    }
}
