package dev.wirelab.simd;

import java.util.Optional;

import dev.wirelab.core.parse.HttpScanner;

/**
 * Offers {@link VectorHttpScanner} to core's HTTP parsers through {@link java.util.ServiceLoader}
 * (registered in {@code META-INF/services/dev.wirelab.core.parse.HttpScanner$Provider}).
 *
 * <p>This class names no vector type, so ServiceLoader can instantiate it on any JVM. It
 * asks {@link SimdSupport} first (module loaded, preferred species of at least
 * {@value SimdSupport#MIN_VECTOR_BITS} bits, not forced to scalar) and loads the vector
 * scanner <em>by name</em> only after a yes; a class that fails to link anyway is reported as
 * the reason, never thrown.
 */
public final class VectorHttpScannerProvider implements HttpScanner.Provider {

    private final Optional<HttpScanner> scanner;
    private final String reason;

    public VectorHttpScannerProvider() {
        if (!SimdSupport.vectorized()) {
            scanner = Optional.empty();
            reason = "the simd module's vector scanner is off (" + SimdSupport.describe() + ")";
            return;
        }
        Optional<HttpScanner> loaded;
        String why;
        try {
            loaded = Optional.of((HttpScanner) Class.forName(getClass().getPackageName() + ".VectorHttpScanner")
                    .getDeclaredConstructor().newInstance());
            why = "the simd module's Vector API kernels (" + SimdSupport.describe() + "; "
                    + VectorHttpScanner.describeIndex() + ")";
        } catch (ReflectiveOperationException | LinkageError e) {
            loaded = Optional.empty();
            why = "the simd module's vector scanner failed to load (" + e + ")";
        }
        scanner = loaded;
        reason = why;
    }

    @Override
    public Optional<HttpScanner> scanner() {
        return scanner;
    }

    @Override
    public String reason() {
        return reason;
    }
}
