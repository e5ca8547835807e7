package dev.wirelab.core.parse;

/**
 * What {@link ChunkedDecoder#decode} says after a batch of body bytes: the body ended
 * ({@link Done}), it continues ({@link NeedMore}), or it breaks a rule ({@link Malformed}).
 */
public sealed interface ChunkedResult permits ChunkedResult.Done, NeedMore, Malformed {

    /**
     * The last chunk and the trailer section were read; bytes after them belong to the next
     * request and were not consumed.
     *
     * @param bodyLength decoded data bytes (the sum of the chunk sizes)
     * @param wireLength bytes of chunked encoding consumed, framing included
     */
    record Done(long bodyLength, long wireLength) implements ChunkedResult {
    }
}
