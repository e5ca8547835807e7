package dev.wirelab.async.netty.leak;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test after which Netty reported a leaked buffer.
 *
 * <pre>{@code
 * @ExtendWith(NoNettyLeaks.class)
 * class NettyContractTest extends EchoServerContract { ... }
 * }</pre>
 *
 * <p>Before the class: proves the recording detector is installed at PARANOID (otherwise every
 * check would pass vacuously). After each test — after its {@code @AfterEach} methods, so the
 * servers are already shut down — runs {@link LeakReports#assertNoLeaks()}.
 * {@code NoNettyLeaksTest} proves this check fails on a deliberate leak.
 */
public final class NoNettyLeaks implements BeforeAllCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LeakReports.assertDetectorInstalled();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LeakReports.assertNoLeaks();
    }
}
