package dev.wirelab.core.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses, once per JVM, which {@link HttpScanner} the HTTP parsers use: a seam between a
 * module that must run everywhere (core) and one that runs faster where it can (simd).
 *
 * <h2>Why a seam</h2>
 * The {@code simd} module's kernels need {@code jdk.incubator.vector}, which a JVM only has
 * when it was started with {@code --add-modules jdk.incubator.vector}, and the module already
 * depends on core. So core cannot name a vector class: neither at compile time (a dependency
 * cycle) nor at run time (a {@code NoClassDefFoundError} wherever the module is missing).
 * Core instead owns the <em>interface</em> and the plain-Java implementation; simd owns the
 * vector implementation and <em>announces</em> it. Core never learns simd exists.
 *
 * <h2>How the choice is made</h2>
 * <ol>
 *   <li>{@link ServiceLoader} lists every {@link HttpScanner.Provider} on the class path:
 *       each jar that offers one names its class in
 *       {@code META-INF/services/dev.wirelab.core.parse.HttpScanner$Provider}. ServiceLoader
 *       instantiates each provider with its public no-argument constructor, in class-path
 *       order.</li>
 *   <li>Each provider decides for itself whether its scanner can run here; simd's says no
 *       when {@code jdk.incubator.vector} is not loaded, when the preferred vector species is
 *       narrower than 128 bits, or when {@code -Dwirelab.simd=scalar} forces the fallback.
 *       The provider class names no vector type, so it links on every JVM; it loads the
 *       vector scanner by name only after saying yes.</li>
 *   <li>The first provider that offers a scanner wins. None (or a provider that fails to
 *       load, which ServiceLoader reports as a {@link ServiceConfigurationError}): the
 *       scalar scanner, with the reason kept for {@code lab doctor}.</li>
 * </ol>
 * This runs in the class initializer, once: the answer is a {@code static final} constant.
 *
 * <h2>What the JIT does with the call</h2>
 * The choice is a {@code static final} constant, and each parser copies it into a
 * {@code final} field of its {@code WireBytes} (so that tests can hand a parser either
 * scanner). Each search is therefore, in the bytecode, an {@code invokeinterface} on a
 * field. HotSpot's C2 does not pay for that when the call site has only ever seen one
 * receiver class: the interpreter's type profile says "monomorphic", and C2 inlines the one
 * implementation behind a single class-pointer compare. {@code -XX:+PrintInlining} on the
 * parsing loop (vector scanner chosen) prints, for the fused step:
 * <pre>
 *   dev.wirelab.simd.VectorHttpScanner::fieldLine (227 bytes)   inline (hot)
 *       \-&gt; TypeProfile (100887/100887 counts) = dev/wirelab/simd/VectorHttpScanner
 * </pre>
 * and the same for every other search: the call is gone, the kernel is part of the loop.
 * Had the field been read from the {@code static final} directly, C2 would know the exact
 * class without a profile and drop the guard as well; the guard is one compare, so the
 * injectable field costs next to nothing. In a normal run only the chosen scanner ever
 * exists, so every site stays monomorphic. The tests run both scanners in one JVM: their
 * sites become bimorphic, still inlined, with two guards. A third implementation seen at one
 * site would make it megamorphic: a real interface call per search and no inlining, which
 * for a kernel that is a few instructions long costs more than the kernel.
 *
 * <p>Inlining is not the end of the story: a method that inlines too much hits C2's node
 * budget ({@code NodeCountInliningCutoff}), and what comes late in it may then be compiled
 * worse. {@code simd}'s {@code VectorHttpScanner} says what that did to a vector kernel.
 */
public final class HttpScanners {

    /**
     * The outcome of the choice.
     *
     * @param scanner the scanner the parsers use unless given another
     * @param reason  why this one, in words
     */
    public record Selection(HttpScanner scanner, String reason) {

        /** One line for {@code lab doctor}: what was chosen and why. */
        public String describe() {
            return scanner.description() + ": " + reason;
        }

        /** Whether a provider's scanner, not the built-in scalar one, was chosen. */
        public boolean accelerated() {
            return scanner != ScalarHttpScanner.INSTANCE;
        }
    }

    private static final Selection SELECTION = choose();

    /** The chosen scanner; a constant after class initialization. */
    private static final HttpScanner CHOSEN = SELECTION.scanner();

    private HttpScanners() {
    }

    /** The scanner the parsers use by default. */
    public static HttpScanner chosen() {
        return CHOSEN;
    }

    /** The plain-Java scanner: always available, the reference every other one must agree with. */
    public static HttpScanner scalar() {
        return ScalarHttpScanner.INSTANCE;
    }

    /** What was chosen, and why. */
    public static Selection selection() {
        return SELECTION;
    }

    /** Every scanner that can run in this JVM: the scalar one first, then each provider's (for tests and benchmarks). */
    public static List<HttpScanner> available() {
        List<HttpScanner> all = new ArrayList<>();
        all.add(ScalarHttpScanner.INSTANCE);
        for (HttpScanner.Provider provider : providers()) {
            provider.scanner().ifPresent(all::add);
        }
        return Collections.unmodifiableList(all);
    }

    private static Selection choose() {
        List<HttpScanner.Provider> providers;
        try {
            providers = providers();
        } catch (ServiceConfigurationError e) {
            return scalar("a scanner provider failed to load (" + e.getMessage() + ")");
        }
        if (providers.isEmpty()) {
            return scalar("no HttpScanner.Provider on the class path (the simd module provides one)");
        }
        List<String> declined = new ArrayList<>();
        for (HttpScanner.Provider provider : providers) {
            Optional<HttpScanner> offered = provider.scanner();
            if (offered.isPresent()) {
                return new Selection(offered.get(), provider.reason() + ", found by ServiceLoader ("
                        + provider.getClass().getName() + ")");
            }
            declined.add(provider.reason());
        }
        return scalar(String.join("; ", declined));
    }

    private static List<HttpScanner.Provider> providers() {
        List<HttpScanner.Provider> providers = new ArrayList<>();
        ServiceLoader.load(HttpScanner.Provider.class, HttpScanners.class.getClassLoader()).forEach(providers::add);
        return providers;
    }

    private static Selection scalar(String reason) {
        return new Selection(ScalarHttpScanner.INSTANCE, reason);
    }
}
