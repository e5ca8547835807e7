package dev.wirelab.core.protocol;

import java.nio.ByteBuffer;

/**
 * The echo protocol: every byte back, in order, and nothing else. It forwards the input
 * buffer itself ({@link Outgoing#forwards}), so a transport writes straight from the buffer
 * it read into, exactly as a hand-written echo loop would: no copy, no allocation.
 *
 * <p>One instance can serve any number of connections: it holds no state, because echo has
 * none. (The transport's own half-close handling says when the conversation is over.)
 */
public final class EchoSession implements Session {

    /** Stateless, so shared. */
    public static final EchoSession INSTANCE = new EchoSession();

    private EchoSession() {
    }

    @Override
    public void onInput(ByteBuffer in, Outgoing out) {
        out.add(in);
    }

    @Override
    public void onEndOfInput(Outgoing out) {
        // nothing owed beyond what was already forwarded
    }

    /** Never on its own: an echo ends when the peer's input does. */
    @Override
    public boolean closeAfterOutput() {
        return false;
    }
}
