package dev.wirelab.bench.parse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import dev.wirelab.bench.BenchmarkDefaults;
import dev.wirelab.core.parse.Ipv4Header;
import dev.wirelab.core.parse.UdpHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/*
 * What does it cost to read a UDP datagram's addressing out of the bytes it arrived in?
 *
 * A receiver needs five numbers from every datagram: source and destination address, source
 * and destination port, payload length. The everyday way decodes them into a fresh object
 * and hands that on. A flyweight (core's Ipv4Header + UdpHeader) is one long-lived object
 * per thread, re-pointed at each datagram, that decodes a field only when asked and copies
 * nothing. At a million datagrams a second the difference is a million short-lived objects
 * for the garbage collector — or none.
 *
 * The datagram is a DNS query for example.com (with an EDNS OPT record) from
 * 192.168.1.23:53211 to 9.9.9.9:53, laid out byte for byte as a capture shows it, with
 * correct IPv4 and UDP checksums. It sits in a direct ByteBuffer and in a native
 * MemorySegment, the two places a DatagramChannel or a raw socket would leave it.
 *
 * BASELINE   COPY_TO_OBJECT       validate, then copy the five fields into a new record that
 *                                 is handed on (to a Blackhole: it escapes, as it would into
 *                                 a queue or a map in a real receiver)
 * CONTRAST   COPY_NOT_ESCAPING    the same record, but only a key computed from it leaves the
 *                                 method: when everything inlines, escape analysis may remove
 *                                 the allocation altogether. It may; a flyweight does not
 *                                 depend on it.
 * APPROACH 1 FLYWEIGHT_BYTE_BUFFER     Ipv4Header.wrap(ByteBuffer) + wrapPayload(UdpHeader)
 * APPROACH 2 FLYWEIGHT_MEMORY_SEGMENT  the same flyweights over the MemorySegment
 *
 * Every variant does the same checks (version, IHL, total length, protocol, UDP length) and
 * yields the same five numbers. What to look for: the flyweights must show 0 B/op under
 * -prof gc (lab bench parsing adds it); COPY_TO_OBJECT shows the record's size per datagram.
 *
 * How to run: ./lab bench parsing --filter FlyweightBenchmark
 *        (or: java -jar bench/target/benchmarks.jar FlyweightBenchmark -prof gc)
 */
@State(Scope.Thread)
public class FlyweightBenchmark extends BenchmarkDefaults {

    /** A captured DNS query: IPv4 header (20 B) | UDP header (8 B) | DNS message (40 B). */
    static final byte[] DNS_QUERY = HexFormat.of().parseHex(
            "450000448d1e40004011d9b9c0a8011709090909"   // IPv4: DF, TTL 64, UDP, 192.168.1.23 -> 9.9.9.9
            + "cfdb003500304ca8"                          // UDP: 53211 -> 53, length 48
            + "3a7c01200001000000000001076578616d706c6503636f6d000001000100002904d0000000000000");

    /** The route key every variant must compute for {@link #DNS_QUERY}; checked once in setup. */
    private static final long EXPECTED_KEY = routeKey(0xC0A80117, 0x09090909, 53211, 53, 40);

    /** How the fields get from the bytes to the code that uses them. */
    public enum Kind {
        COPY_TO_OBJECT, COPY_NOT_ESCAPING, FLYWEIGHT_BYTE_BUFFER, FLYWEIGHT_MEMORY_SEGMENT
    }

    @Param
    public Kind kind;

    private ByteBuffer buffer;
    private Arena arena;
    private MemorySegment segment;
    private final Ipv4Header ip = new Ipv4Header();
    private final UdpHeader udp = new UdpHeader();

    @Setup
    public void setUp() {
        buffer = ByteBuffer.allocateDirect(DNS_QUERY.length).put(DNS_QUERY).flip();
        arena = Arena.ofConfined();
        segment = arena.allocate(DNS_QUERY.length).copyFrom(MemorySegment.ofArray(DNS_QUERY));
        // A benchmark that measures a wrong answer measures nothing: check each path once.
        long key = switch (kind) {
            case COPY_TO_OBJECT, COPY_NOT_ESCAPING -> Datagram.copyOf(buffer).routeKey();
            case FLYWEIGHT_BYTE_BUFFER -> flyweightKey(ip.wrap(buffer, 0));
            case FLYWEIGHT_MEMORY_SEGMENT -> flyweightKey(ip.wrap(segment, 0));
        };
        if (key != EXPECTED_KEY) {
            throw new IllegalStateException(kind + " read the datagram wrongly: key " + key + ", expected " + EXPECTED_KEY);
        }
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public void wrapAndRead(Blackhole bh) {
        switch (kind) {
            case COPY_TO_OBJECT -> bh.consume(Datagram.copyOf(buffer));
            case COPY_NOT_ESCAPING -> bh.consume(Datagram.copyOf(buffer).routeKey());
            case FLYWEIGHT_BYTE_BUFFER -> bh.consume(flyweightKey(ip.wrap(buffer, 0)));
            case FLYWEIGHT_MEMORY_SEGMENT -> bh.consume(flyweightKey(ip.wrap(segment, 0)));
        }
    }

    /** Reads the five fields through the flyweights; -1 when any layer is not valid UDP-over-IPv4. */
    private long flyweightKey(Ipv4Header.Status status) {
        if (status != Ipv4Header.Status.VALID || !ip.carriesUdpHeader() || ip.wrapPayload(udp) != UdpHeader.Status.VALID) {
            return -1;
        }
        return routeKey(ip.sourceAddress(), ip.destinationAddress(), udp.sourcePort(), udp.destinationPort(),
                udp.payloadLength());
    }

    /** Mixes the five fields into one long, so the JIT must read every one of them. */
    static long routeKey(int source, int destination, int sourcePort, int destinationPort, int payloadLength) {
        return ((long) source << 32 | destination & 0xFFFF_FFFFL) ^ ((long) sourcePort << 48 | (long) destinationPort << 16)
                ^ payloadLength;
    }

    /**
     * The baseline's decoded datagram: what a receiver that "just parses into an object"
     * builds, one per datagram.
     */
    record Datagram(int source, int destination, int sourcePort, int destinationPort, int payloadLength) {

        /** The same checks as the flyweights, with ByteBuffer's own big-endian getters; null when not UDP-over-IPv4. */
        static Datagram copyOf(ByteBuffer b) {
            // Phase 1: the IPv4 header.
            if (b.limit() < 28 || (b.get(0) & 0xF0) != 0x40) {
                return null;
            }
            int headerLength = (b.get(0) & 0x0F) * 4;
            int total = b.getShort(2) & 0xFFFF;
            boolean firstFragment = (b.getShort(6) & 0x1FFF) == 0;
            if (headerLength < 20 || total < headerLength + 8 || total > b.limit() || b.get(9) != 17 || !firstFragment) {
                return null;
            }
            // Phase 2: the UDP header right after it.
            int udpLength = b.getShort(headerLength + 4) & 0xFFFF;
            if (udpLength < 8 || udpLength > total - headerLength) {
                return null;
            }
            return new Datagram(b.getInt(12), b.getInt(16), b.getShort(headerLength) & 0xFFFF,
                    b.getShort(headerLength + 2) & 0xFFFF, udpLength - 8);
        }

        long routeKey() {
            return FlyweightBenchmark.routeKey(source, destination, sourcePort, destinationPort, payloadLength);
        }
    }
}
