package dev.envparity.probe.http;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import dev.envparity.report.TlsReport;
import dev.envparity.report.UntrustedText;

/**
 * What the probe's own TLS connection negotiated: the protocol and the server's (leaf) certificate, verified by the
 * handshake already. Read from the connection that carried the answer, so it costs no request of its own.
 *
 * @param protocol "TLSv1.3"
 * @param certificate the certificate the server presented for itself
 */
public record TlsSession(String protocol, X509Certificate certificate) {
    /** Longer than any real name; a certificate is the server's own text. */
    private static final int MAX_NAME = 120;
    /** RFC 5280 §4.2.1.6: GeneralName dNSName [2] and iPAddress [7]. */
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    /** The facts the report keeps, every name made printable and cut short. */
    public TlsReport report() {
        X500Principal issuer = certificate.getIssuerX500Principal();
        return new TlsReport(UntrustedText.excerpt(protocol, 20),
                UntrustedText.excerpt(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253), MAX_NAME),
                names(), UntrustedText.excerpt(issuer.getName(X500Principal.RFC2253), MAX_NAME),
                UntrustedText.excerpt(organisation(issuer), MAX_NAME), certificate.getNotAfter().toInstant());
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    int type = (Integer) name.get(0);
                    if ((type == DNS_NAME || type == IP_ADDRESS) && name.get(1) instanceof String value) {
                        names.add(UntrustedText.excerpt(value, MAX_NAME));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // The handshake accepted it; without readable alternative names the subject still says who it is.
        }
        return names.stream().limit(20).toList();
    }

    /**
     * The issuer's organisation (O=), else its common name (CN=), else the whole name: what is compared across
     * environments, so that one CA's rotating intermediates (Let's Encrypt's R10 and R11) are no difference.
     */
    static String organisation(X500Principal issuer) {
        String name = issuer.getName(X500Principal.RFC2253);
        try {
            List<Rdn> rdns = new LdapName(name).getRdns();
            for (String type : List.of("O", "CN")) {
                for (Rdn rdn : rdns) {
                    if (rdn.getType().toUpperCase(Locale.ROOT).equals(type)) {
                        return String.valueOf(rdn.getValue());
                    }
                }
            }
        } catch (InvalidNameException e) {
            // The JDK wrote the name itself in RFC 2253 form; should it still not parse, it is compared whole.
        }
        return name;
    }
}
