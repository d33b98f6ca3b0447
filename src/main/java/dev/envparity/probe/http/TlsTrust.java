package dev.envparity.probe.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Certificate verification for probes: the JDK's CAs, plus those of an optional trust store for internal
 * CAs. A certificate must chain to one of them; host names are verified by the HTTP client as usual.
 */
public final class TlsTrust {
    private TlsTrust() {
    }

    /**
     * @return null when there is no extra trust store: the client then uses the JDK's CAs as they are
     * @throws ConfigurationException naming the key (never the password) when the store cannot be opened, so that
     *         start-up stops instead of every probe failing later
     */
    public static X509ExtendedTrustManager trustManager(String trustStore, String password) {
        if (trustStore == null) {
            return null;
        }
        String key = "parity.probe.trust-store: cannot open " + trustStore + ": ";
        if (!Files.isRegularFile(Path.of(trustStore))) {
            throw new ConfigurationException(key + "no such file");
        }
        try {
            KeyStore extra = KeyStore.getInstance(trustStore.endsWith(".jks") ? "JKS" : "PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(trustStore))) {
                extra.load(in, password == null ? null : password.toCharArray());
            }
            return new Either(trustManager(extra), trustManager(null));
        } catch (IOException e) {
            // A wrong password: an IOException caused by UnrecoverableKeyException (KeyStore.load, https://docs.oracle.com/
            // en/java/javase/17/docs/api/java.base/java/security/KeyStore.html#load(java.io.InputStream,char%5B%5D)).
            throw new ConfigurationException(key + (e.getCause() instanceof UnrecoverableKeyException
                    ? "the password (parity.probe.trust-store-password) is wrong"
                    : "not a readable " + (trustStore.endsWith(".jks") ? "JKS" : "PKCS#12") + " trust store"));
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(key + "its certificates cannot be read");
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        return (X509ExtendedTrustManager) Arrays.stream(f.getTrustManagers())
                .filter(X509ExtendedTrustManager.class::isInstance).findFirst().orElseThrow();
    }

    /** Trusts a chain that either delegate trusts; every check is still a full verification by one of them. */
    private static final class Either extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager first;
        private final X509ExtendedTrustManager second;

        Either(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
            this.first = first;
            this.second = second;
        }

        private interface Check {
            void run(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void either(Check check) throws CertificateException {
            try {
                check.run(first);
            } catch (CertificateException e) {
                try {
                    check.run(second);
                } catch (CertificateException suppressed) {
                    e.addSuppressed(suppressed);
                    throw e;
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(tm -> tm.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType, socket));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType, engine));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            either(tm -> tm.checkClientTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
