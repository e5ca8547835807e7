package dev.wirelab.nio.selector;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerFaults;

/** The SelectorEchoServerProvider under the fault suite ({@link EchoServerFaults}): slow readers, floods, churn, resets, slowloris, lifecycle, soak. */
class SelectorFaultIT extends EchoServerFaults {
    @Override
    protected EchoServerProvider provider() {
        return new SelectorEchoServerProvider();
    }
}
