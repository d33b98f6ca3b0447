package dev.envparity.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.ConfigurationException;

/** A trust store that cannot be opened is a configuration error naming the key, never the password. */
class TlsTrustTest {

    private static Path stubTrustStore() throws Exception {
        return Path.of(TlsTrustTest.class.getResource("/tls/stub-trust.p12").toURI());
    }

    @Test
    void opensAStoreWithTheRightPassword() throws Exception {
        assertNotNull(TlsTrust.trustManager(stubTrustStore().toString(), "changeit"));
    }

    @Test
    void aWrongPasswordNamesTheKeyNotThePassword() throws Exception {
        String store = stubTrustStore().toString();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TlsTrust.trustManager(store, "wrong-secret-1"));
        assertEquals("parity.probe.trust-store: cannot open " + store + ": the password (parity.probe.trust-store-password) is wrong",
                e.getMessage());
    }

    @Test
    void aMissingOrUnreadableFileIsNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.p12");
        assertEquals("parity.probe.trust-store: cannot open " + missing + ": no such file",
                assertThrows(ConfigurationException.class, () -> TlsTrust.trustManager(missing.toString(), null)).getMessage());
        Path garbage = Files.writeString(dir.resolve("ca.p12"), "not a key store");
        assertEquals("parity.probe.trust-store: cannot open " + garbage + ": not a readable PKCS#12 trust store",
                assertThrows(ConfigurationException.class, () -> TlsTrust.trustManager(garbage.toString(), "x")).getMessage());
    }
}
