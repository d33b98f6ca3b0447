package dev.envparity.aws;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.auth.aws.crt.internal.signer.DefaultAwsCrtV4aHttpSigner;

/**
 * The native image without the AWS Common Runtime (software.amazon.awssdk.crt:aws-crt, a native library envparity
 * does not ship). The SDK looks for it when it runs and falls back without it, but a few of its methods name CRT
 * classes outright, and the native build links every referenced class at build time (--link-at-build-time): these
 * substitutions give those methods their CRT-absent behaviour. Used only by GraalVM's image builder
 * (https://www.graalvm.org/latest/reference-manual/native-image/guides/); the JVM never loads this class.
 */
final class WithoutAwsCrt {
    private static final String CRT = "software.amazon.awssdk.crt:aws-crt is not part of envparity's native image";

    private WithoutAwsCrt() {
    }

    /** CRC32C comes from java.util.zip (Java 9+), as the SDK itself prefers; CRC64NVME and xxHash need the CRT. */
    @TargetClass(className = "software.amazon.awssdk.checksums.internal.ChecksumProvider")
    static final class Target_ChecksumProvider {

        @Substitute
        static SdkChecksum createCrtCrc32C() {
            return null;
        }

        @Substitute
        static SdkChecksum crc64NvmeCrtImplementation() {
            throw new UnsupportedOperationException("CRC64NVME checksums: " + CRT);
        }

        @Substitute
        static SdkChecksum crtXxHash(ChecksumAlgorithm algorithm) {
            throw new UnsupportedOperationException(algorithm.algorithmId() + " checksums: " + CRT);
        }
    }

    /** SigV4a (multi-region signing) needs the CRT; DynamoDB, SSM, Secrets Manager, Lambda and STS sign with SigV4. */
    @TargetClass(className = "software.amazon.awssdk.http.auth.aws.internal.signer.util.OptionalDependencyLoaderUtil")
    static final class Target_OptionalDependencyLoaderUtil {

        @Substitute
        static DefaultAwsCrtV4aHttpSigner getDefaultAwsCrtV4aHttpSigner() {
            throw new UnsupportedOperationException("SigV4a signing: " + CRT);
        }
    }
}
