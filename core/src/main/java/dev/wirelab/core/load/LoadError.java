package dev.wirelab.core.load;

/**
 * Why a load-generator connection failed. Each failed connection is counted once, under the
 * first thing that went wrong on it; after that it sends nothing more.
 */
public enum LoadError {
    /** An echoed byte differed from the byte sent at that position, or more bytes came back than were sent. */
    CORRUPTED,
    /** The server closed the connection (end-of-stream) while echoes were still owed. */
    CLOSED_BY_SERVER,
    /** A read or write failed: connection reset, broken pipe. */
    IO_ERROR,
    /** Echoes were still missing when the drain period after the run ended. */
    TIMEOUT;

    /** The name used in reports and JSON: {@code closed-by-server}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
