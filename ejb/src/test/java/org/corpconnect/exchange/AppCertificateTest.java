package org.corpconnect.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;
import org.corpconnect.sim.dataset.DemoAppCertificate;
import org.junit.jupiter.api.Test;

class AppCertificateTest {

    private static final char[] PASSWORD = "pfx-Pa55".toCharArray();

    @Test
    void aPfxBecomesOnePemTextThatReadsBackToTheSameKeyAndCertificate() throws Exception {
        AppCertificate fromPfx = AppCertificate.fromPkcs12(pfx(), PASSWORD);

        AppCertificate fromStored = AppCertificate.fromPem(fromPfx.toPem().reveal());

        assertArrayEquals(DemoAppCertificate.privateKey().getEncoded(), fromStored.privateKey().getEncoded());
        assertEquals(DemoAppCertificate.certificate(), fromStored.certificate());
        assertEquals(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(DemoAppCertificate.certificate().getEncoded())), fromStored.thumbprint());
        assertEquals(DemoAppCertificate.certificate().getNotAfter().toInstant(), fromStored.notAfter());
        assertFalse(fromStored.toString().contains("PRIVATE"), fromStored.toString());
    }

    @Test
    void aPemUploadAsOpensslWritesIt() {
        AppCertificate pem = AppCertificate.fromPem(DemoAppCertificate.certificatePem() + DemoAppCertificate.privateKeyPem());
        assertEquals(DemoAppCertificate.certificate(), pem.certificate());
    }

    @Test
    void aWrongPasswordOrAKeylessTextIsTheAdminsInputNamedInOneSentence() throws Exception {
        byte[] pfx = pfx();
        var wrong = assertThrows(AppCertificate.InvalidAppCertificate.class,
                () -> AppCertificate.fromPkcs12(pfx, "nope".toCharArray()));
        assertFalse(wrong.getMessage().contains("nope"));
        assertThrows(AppCertificate.InvalidAppCertificate.class, () -> AppCertificate.fromPem(DemoAppCertificate.certificatePem()));
        assertThrows(AppCertificate.InvalidAppCertificate.class, () -> AppCertificate.fromPem("not pem at all"));
    }

    private static byte[] pfx() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("app", DemoAppCertificate.privateKey(), PASSWORD, new Certificate[] {DemoAppCertificate.certificate()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return out.toByteArray();
    }
}
