package dev.envparity.report;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an https environment served the probe's own connection: the negotiated protocol and the leaf certificate.
 *
 * @param protocol "TLSv1.3"
 * @param subject the certificate's subject, an X.500 name ("CN=checkout.example.com")
 * @param names its DNS and IP subject alternative names
 * @param issuer the issuer's X.500 name ("CN=R11,O=Let's Encrypt,C=US")
 * @param issuedBy the issuer's organisation (O=), else its common name: what is compared across environments, so that
 *        one CA's rotating intermediates (R10, R11) are not a difference
 * @param notAfter when the certificate expires
 */
@RegisterForReflection
public record TlsReport(String protocol, String subject, List<String> names, String issuer, String issuedBy,
        Instant notAfter) {

    public TlsReport {
        names = List.copyOf(names);
    }
}
