package dev.wirelab.async.completion;

import dev.wirelab.core.echo.EchoServerProvider;
import dev.wirelab.testkit.EchoServerFaults;

/** The CompletionEchoServerProvider under the fault suite ({@link EchoServerFaults}): slow readers, floods, churn, resets, slowloris, lifecycle, soak. */
class CompletionFaultIT extends EchoServerFaults {
    @Override
    protected EchoServerProvider provider() {
        return new CompletionEchoServerProvider();
    }
}
