#!/usr/bin/env python3
"""Writes the course's .ipynb files (nbformat 4.5, no outputs) from the cells below.

The notebooks are generated so their JSON stays uniform and reviewable here: edit this file,
run `python3 notebooks/generate.py`, commit both. The quiz answers are read from quizzes/*.md,
so each chapter notebook grades exactly the questions its quiz file has.
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
QUIZZES = HERE.parent / "quizzes"


def quiz_answers(chapter):
    """The right letters of every question of quizzes/<chapter>.md, in file order."""
    answers, letters, fenced, in_question = [], [], False, False
    for line in (QUIZZES / (chapter + ".md")).read_text().splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        if line.startswith("## "):
            if in_question:
                answers.append(",".join(letters))
            letters, in_question, option = [], True, 0
            continue
        m = re.match(r"- \[( |x)\] ", line)
        if in_question and m:
            if m.group(1) == "x":
                letters.append("abcdefgh"[option])
            option += 1
    if in_question:
        answers.append(",".join(letters))
    return answers


def md(text):
    return ("markdown", text.strip("\n"))


def code(text):
    return ("code", text.strip("\n"))


def quiz_cells(chapter):
    answers = quiz_answers(chapter)
    args = ", ".join('"%s"' % a for a in answers)
    return [
        md(f"""## The quiz

The chapter's questions come from `quizzes/{chapter}.md`, the same file `./lab quiz` asks in the
terminal. Read one, decide, then run the cell below it: `Lab.answer` grades each answer with the
quiz engine and prints the explanation. A wrong answer is shown as wrong, not as an error, so
change a letter and run it again to see."""),
        code(f'Lab.ask("{chapter}", 1);'),
        code(f'// the answers to questions 1..{len(answers)}, in order\nLab.answers("{chapter}", {args});'),
    ]


IMPORT = "import dev.wirelab.labs.notebook.Lab;"

NOTEBOOKS = {}

NOTEBOOKS["00-start-here"] = [
    md("""# Start here: how the lab works

wirelab teaches the techniques behind fast network services by running them: every chapter
starts a real server or feeds real bytes to a real parser, measures it on *this* machine, draws
the figure, and ends with the chapter's quiz.

**How a notebook runs.** The kernel is a Java 25 JShell session whose class path holds the whole
project (the `wirelab` kernelspec that `./lab notebook` installs). Cells are short: they call
compiled, tested code, either a module's own class (a parser, a pool, a queue) or the facade
`dev.wirelab.labs.notebook.Lab`, which does the chores around it: start and stop a server variant,
drive it with the load generator, time a piece of code, draw a chart or a diagram, grade a quiz
answer. Nothing in a cell is kernel-specific, so IJava or JJava with the same class path run the
same notebooks.

Run the cells from the top (Shift-Enter). The first one takes a few seconds: the kernel is
loading the project."""),
    code(IMPORT + "\nLab.machine();"),
    md("""**The machine in front of you.** The table is `./lab doctor`'s. Two numbers matter for every
figure in this course: the number of cores, and whether the Vector API found a wide species. On
a two-core machine the load generator and the server share the cores, so a server that needs
more threads pays for every wake-up in context switches.

Every server in the course implements one interface and is found with `ServiceLoader`; this is
the list the tour, the benchmarks and these notebooks use:"""),
    code("Lab.variants();"),
    md("""## A first measurement

Start the selector server on an ephemeral loopback port, and drive it twice with the load
generator: one connection, then 16. Each message is 64 bytes; the generator keeps one message
in flight per connection and checks every byte that comes back."""),
    code("""var nio = Lab.start("nio");
var one = Lab.load(nio, 1, 64, 1.0);
var sixteen = Lab.load(nio, 16, 64, 1.0);
nio.stop();"""),
    code("""Lab.bars("The same server, more connections", "messages per second",
        Lab.pairs("1 connection", one.messagesPerSecond(), "16 connections", sixteen.messagesPerSecond()))"""),
    md("""**How to read a figure here.** One connection with one message in flight measures a round
trip: the client waits for every echo before it sends the next message, so the rate is one over
the latency. Sixteen connections keep sixteen messages in flight and the server answers many of
them per wake-up, so the rate climbs although no single message got faster.

On a small shared machine an absolute number says little: the same run a minute later can differ
by a third. What holds is a *ratio* measured in one run, like the one in this chart. Every chapter
measures two or more things one right after the other and compares them; none quotes a figure
from elsewhere."""),
    md("""## The quizzes

Each chapter ends with its quiz. `Lab.ask` prints a question; `Lab.answer` grades an answer and
explains it. Here is a deliberately wrong answer, to show what that looks like:"""),
    code('Lab.ask("01-zero-copy", 1);'),
    code('Lab.answer("01-zero-copy", 1, "%s");' % ("a" if quiz_answers("01-zero-copy")[0] != "a" else "b")),
    md("""Next: [01 zero-copy parsing](01-zero-copy.ipynb). The last notebook,
[14 showdown](14-showdown.ipynb), puts every server model under the same load."""),
]

NOTEBOOKS["01-zero-copy"] = [
    md("""# 01 Zero-copy parsing

A parser that copies turns every packet into new objects: a byte array for the header, a string
per field, a record to hold them. At a million packets a second that is a million short-lived
objects, and the garbage collector is paid to clean up after the parser.

A *flyweight* copies nothing. It is one reusable object that remembers a buffer and an offset,
and each getter reads its field straight from the bytes when asked. The wire format is written
down once, as a descriptor of offsets (`UdpDescriptor`, `Ipv4Descriptor`), and the flyweight
(`UdpHeader`, `Ipv4Header`) wraps whatever buffer holds the packet: heap, direct or native
memory."""),
    code(IMPORT + """
import dev.wirelab.core.parse.*;
import dev.wirelab.core.checksum.InternetChecksum;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;"""),
    md("""## Real bytes

A DNS query for `example.com` from `192.168.0.10` to `192.168.0.1`: an IPv4 header, a UDP
header, and the query, 57 bytes as they travel on the wire (built for this lesson, checksums
included)."""),
    code("""byte[] packet = HexFormat.of().parseHex(
        "450000391c46400040119d12c0a8000ac0a80001cf1300350025c5661a2b01000001000000000000076578616d706c6503636f6d0000010001");
var ip = new Ipv4Header();
var udp = new UdpHeader();
System.out.println(ip.wrap(ByteBuffer.wrap(packet), 0) + "  " + ip);
System.out.println(udp.wrap(ByteBuffer.wrap(packet), ip.headerLength()) + "  " + udp);
System.out.println("IPv4 header checksum verifies: " + InternetChecksum.verifies(packet, 0, ip.headerLength()));"""),
    md("""`wrap` answers with a status, never an exception: bytes from the network are untrusted, and
a truncated or lying header is an ordinary event, not a bug. The same idea, one level up: the
incremental HTTP/1.1 parser reads a request head in place and hands back a reused result."""),
    code("""byte[] request = "GET /index.html HTTP/1.1\\r\\nHost: example.com\\r\\nAccept: */*\\r\\n\\r\\n"
        .getBytes(StandardCharsets.US_ASCII);
var parser = new HttpRequestParser();
if (parser.parse(ByteBuffer.wrap(request)) instanceof HttpParseResult.Complete done) {
    System.out.println(done.head() + "  (" + done.consumed() + " bytes consumed)");
}"""),
    md("""## Measured: reading a header in place vs copying it out

Three timings, one after the other: the UDP flyweight reading three fields, the same fields read
from a fresh copy of the header bytes, and the HTTP parser on the whole request. `B/op` is what
the calling thread allocated per call (HotSpot's per-thread counter)."""),
    code("""var packetBuffer = ByteBuffer.wrap(packet);
var requestBuffer = ByteBuffer.wrap(request);
var flyweight = Lab.time("UDP flyweight: 3 fields", () -> {
    udp.wrap(packetBuffer, 20);
    return udp.sourcePort() + udp.destinationPort() + udp.payloadLength();
});
var copied = Lab.time("copy header, then 3 fields", () -> {
    byte[] h = Arrays.copyOfRange(packet, 20, 28);
    return ((h[0] & 0xff) << 8 | (h[1] & 0xff)) + ((h[2] & 0xff) << 8 | (h[3] & 0xff)) + ((h[4] & 0xff) << 8 | (h[5] & 0xff));
});
var http = Lab.time("HTTP parser: whole request head", () -> {
    requestBuffer.clear();
    parser.reset();
    return parser.parse(requestBuffer) instanceof HttpParseResult.Complete c ? c.consumed() : -1;
});"""),
    code("""Lab.bars("Reading a UDP header", "ns per header",
        Lab.pairs("flyweight", flyweight.nanosPerOp(), "copy first", copied.nanosPerOp()))"""),
    md("""**What it means here.** Look at the `B/op` column first: the flyweight and the parser should
show 0, the copy about 24 (a 8-byte array with its header), unless the JIT proved the copy never
escapes and removed it. That is the point of a flyweight: not that one read is faster (on a
header this small the copy is cheap, and the timing may show little difference), but that it
stays at zero bytes whatever the traffic, so the collector has nothing to do. The project's JMH
run (`./lab bench parsing`) measures the same with forks and error bars."""),
] + quiz_cells("01-zero-copy")

NOTEBOOKS["02-typestate"] = [
    md("""# 02 Typestate: a connection whose state is a type

A connection that may only read after a login is usually one class with a flag, and every
method checks the flag at run time. Typestate moves the check to the compiler: each state is its
own type (`Unauthenticated`, `Authenticated`, `Closed`), each type has only the methods that make
sense in that state, and a transition returns the next state's object. Calling `read` before
logging in is not an error at run time: there is no `read` to call.

Java gets close with sealed interfaces and records. Where its guarantees end (a stale reference
to an old state can still be used) is written in the package's `package-info.java`."""),
    code(IMPORT + """
import dev.wirelab.core.typestate.*;
import java.util.Arrays;"""),
    md("""Which operations does each state offer? Reflection on the real classes:"""),
    code("""for (Class<?> state : new Class<?>[] {Unauthenticated.class, Authenticated.class, Closed.class}) {
    var ops = Arrays.stream(state.getDeclaredMethods())
            .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
            .map(m -> m.getName()).distinct().sorted().toList();
    System.out.println(state.getSimpleName() + ": " + ops);
}"""),
    md("""## A real login

The credential store keeps salted PBKDF2 hashes. A lesson uses few iterations so it runs
quickly; a real store uses hundreds of thousands. `login` returns a sealed result, and the
`switch` below must name every case: add a fourth kind of result and this cell stops compiling."""),
    code("""var store = new CredentialStore(1_000);
store.register("ada", "correct horse".toCharArray());
var gateway = new Gateway(store);
for (String attempt : new String[] {"wrong", "correct horse"}) {
    LoginResult result = gateway.connect("127.0.0.1:50000").login("ada", attempt.toCharArray());
    String text = switch (result) {
        case LoginResult.Success s -> "welcome " + s.connection().user();
        case LoginResult.Rejected r -> "rejected, " + r.connection().attemptsLeft() + " attempts left";
        case LoginResult.LockedOut l -> "locked out: " + l.connection().reason();
    };
    System.out.println(attempt + " -> " + text);
}"""),
    md("""## Measured: does a wrong password answer faster?

A comparison that stops at the first differing byte tells an attacker, through timing, how much
of a guess was right. The store compares hashes in constant time and hashes even for an unknown
user (against a decoy), so all four logins below should take the same time."""),
    code("""var right = Lab.time("right password", () -> gateway.connect("p").login("ada", "correct horse".toCharArray()).hashCode());
var wrongFirst = Lab.time("wrong first letter", () -> gateway.connect("p").login("ada", "Xorrect horse".toCharArray()).hashCode());
var wrongLast = Lab.time("wrong last letter", () -> gateway.connect("p").login("ada", "correct horsX".toCharArray()).hashCode());
var unknown = Lab.time("unknown user", () -> gateway.connect("p").login("bob", "correct horse".toCharArray()).hashCode());"""),
    code("""Lab.bars("Login time by what was wrong", "ns per login",
        Lab.pairs("right", right.nanosPerOp(), "first letter wrong", wrongFirst.nanosPerOp(),
                  "last letter wrong", wrongLast.nanosPerOp(), "unknown user", unknown.nanosPerOp()))"""),
    md("""**What it means here.** The bars should be level within the noise of this machine (a few
per cent): the time is spent in PBKDF2, the same amount whatever the guess. If the unknown user
were much faster, a stranger could list the accounts by timing logins."""),
] + quiz_cells("02-typestate")

NOTEBOOKS["03-state-machines"] = [
    md("""# 03 Protocol state machines

An HTTP/1.1 connection is a small machine: reading a head, reading a body, writing a response,
closed. Written as a sealed interface with one record per state, the driver's `switch` has no
`default` branch, so the compiler lists every state a change forgot. The parser under it is
*incremental*: bytes arrive in whatever pieces TCP delivers, and a request split across reads
must parse exactly like one that arrived whole."""),
    code(IMPORT + """
import dev.wirelab.core.protocol.*;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;"""),
    md("""## Two pipelined requests, one byte at a time

The driver gets the bytes of two requests one byte per call, the worst split TCP could deliver.
The cell prints the state whenever it changes and every response as it is produced."""),
    code("""byte[] two = ("GET /a HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n" + "GET /b HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n")
        .getBytes(StandardCharsets.US_ASCII);
var driver = new HttpConnectionDriver(request -> HttpResponse.text(200, "hello " + request.target() + "\\n"));
String previous = "";
for (int i = 0; i < two.length; i++) {
    byte[] out = driver.onBytes(new byte[] {two[i]});
    String state = driver.state().getClass().getSimpleName();
    if (!state.equals(previous)) { System.out.println("byte " + (i + 1) + ": " + state); previous = state; }
    if (out.length > 0) System.out.println("byte " + (i + 1) + ": response, " + out.length + " B: "
            + new String(out, StandardCharsets.US_ASCII).lines().findFirst().orElse(""));
}
System.out.println("requests served: " + driver.requestsServed());"""),
    md("""## Measured: what small pieces cost

The same request fed whole, in 8-byte pieces and in 1-byte pieces. The parser keeps its place
between calls, so the answers are identical; the cost is the per-call overhead."""),
    code("""byte[] req = "GET /index.html HTTP/1.1\\r\\nHost: example.com\\r\\nAccept: */*\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII);
var whole = new HttpConnectionDriver(r -> HttpResponse.text(200, "ok"));
var eights = new HttpConnectionDriver(r -> HttpResponse.text(200, "ok"));
var ones = new HttpConnectionDriver(r -> HttpResponse.text(200, "ok"));
var w = Lab.time("whole request per call", () -> whole.onBytes(req).length);
var e = Lab.time("8-byte pieces", () -> {
    int n = 0;
    for (int i = 0; i < req.length; i += 8) n += eights.onBytes(Arrays.copyOfRange(req, i, Math.min(req.length, i + 8))).length;
    return n;
});
var o = Lab.time("1-byte pieces", () -> {
    int n = 0;
    for (int i = 0; i < req.length; i++) n += ones.onBytes(new byte[] {req[i]}).length;
    return n;
});"""),
    code("""Lab.bars("One request, split three ways", "ns per request",
        Lab.pairs("whole", w.nanosPerOp(), "8-byte pieces", e.nanosPerOp(), "1-byte pieces", o.nanosPerOp()))"""),
    md("""**What it means here.** The ratio of the 1-byte bar to the whole bar is the price of a
pathological network (or a malicious client sending one byte per packet); it includes the small
arrays this cell makes for each piece. A server cannot refuse small reads, but it can bound what
they cost: the parser never rescans bytes it has already accepted, so the work stays linear in
the request's length."""),
] + quiz_cells("03-state-machines")

NOTEBOOKS["04-pools"] = [
    md("""# 04 Connection pools

Some objects cost far more to make than to use (a database connection needs a handshake, maybe
TLS and a login). A pool keeps a few and lends them out. In Rust the guard's `Drop` returns the
object; in Java, try-with-resources closes the `Lease` on every way out of the block, so the
object always goes home, and `markBroken()` makes sure a broken one never does."""),
    code(IMPORT + """
import dev.wirelab.core.pool.*;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;"""),
    md("""The life of a lease:"""),
    code('Lab.diagram("pool-lease")'),
    md("""## A real pool

The factory below counts what it creates. Two leases in turn reuse one object; a lease marked
broken is destroyed, and the next claim gets a fresh one."""),
    code("""var made = new AtomicInteger();
var pool = new Pool<StringBuilder>("builders", 2, () -> new StringBuilder("object #" + made.incrementAndGet()));
try (var lease = pool.acquire(Duration.ofMillis(100))) { System.out.println("first:  " + lease.get()); }
try (var lease = pool.acquire(Duration.ofMillis(100))) { System.out.println("second: " + lease.get()); lease.markBroken(); }
try (var lease = pool.acquire(Duration.ofMillis(100))) { System.out.println("third:  " + lease.get()); }
System.out.println(pool.stats());"""),
    md("""## Measured: contention

Two threads claim and release as fast as they can, with pools of 1, 2 and 4 objects. With one
object, every claim by one thread makes the other wait; with as many objects as threads, each
settles on its own slot and a claim is one compare-and-set."""),
    code("""var rates = new java.util.LinkedHashMap<String, Double>();
for (int size : new int[] {1, 2, 4}) {
    var p = new Pool<StringBuilder>("p" + size, size, StringBuilder::new);
    var t = Lab.timeThreads("pool of " + size + ", 2 threads", 2, () -> {
        try (var lease = p.acquire(Duration.ofSeconds(5))) { return lease.get().length(); }
    });
    rates.put("pool of " + size, t.opsPerSecond());
    p.close();
}"""),
    code('Lab.bars("Claim + release, 2 threads", "claims per second", rates)'),
    md("""**What it means here.** The pool of 1 forces a hand-off on nearly every claim, and a
hand-off means parking and waking a thread: expect it many times slower than the others. From
2 objects on, the threads stop meeting, and more objects add nothing. Size a pool for the
concurrency that uses it, not larger."""),
] + quiz_cells("04-pools")

NOTEBOOKS["05-backpressure"] = [
    md("""# 05 Backpressure

When a producer is faster than its consumer, the difference has to be stored somewhere. An
unbounded queue stores it in the heap until the process dies. A bounded queue makes the producer
wait (or refuses it) once it is full, so the slow side sets the pace and memory stays bounded.
On a socket the same thing happens when a server stops reading: the kernel's buffers fill and
TCP tells the sender to stop."""),
    code(IMPORT + """
import dev.wirelab.core.flow.*;
import java.time.Duration;
import java.util.List;"""),
    code('Lab.diagram("backpressure")'),
    md("""## Measured: the same overload, two queues

A producer offers 50,000 items of 1 KiB per second; the consumer takes 5,000. One second each,
first through a bounded queue (1,024 items), then through an unbounded one. The experiment samples
the queue depth and the heap every 50 ms."""),
    code("""var config = BackpressureExperiment.Config.defaults().withDuration(Duration.ofSeconds(1));
var bounded = BackpressureExperiment.run(BackpressureExperiment.Mode.BOUNDED_QUEUE, config);
var unbounded = BackpressureExperiment.run(BackpressureExperiment.Mode.UNBOUNDED_QUEUE, config);
System.out.print(BackpressureExperiment.table(List.of(bounded, unbounded)));"""),
    code("""Lab.lines("Queue depth over time", "ms", "items waiting", Lab.curves(
        "bounded", Lab.xy(bounded.samples(), s -> s.elapsedMillis(), s -> s.depth()),
        "unbounded", Lab.xy(unbounded.samples(), s -> s.elapsedMillis(), s -> s.depth())))"""),
    md("""**What it means here.** The bounded curve flattens at its capacity: from then on the
producer runs at the consumer's pace (its `produced/s` drops to about 5,000). The unbounded curve
keeps climbing for as long as the run lasts, and so does the heap; its items also wait longer and
longer, which is what a user sees as latency. Every item still arrives in order in both runs:
backpressure is about *where* the waiting happens, not about losing work."""),
] + quiz_cells("05-backpressure")

NOTEBOOKS["06-metrics"] = [
    md("""# 06 Lock-free metrics

A server counts everything: bytes, connections, errors. If every thread increments one shared
`AtomicLong`, the cache line holding it travels between cores on every increment, and the
counter becomes the bottleneck. `LongAdder` (and wirelab's `Counter`, built on it) gives each
contending thread its own cell and adds the cells up only when someone reads. A counter written
by one thread only (`SingleWriterCounter`) needs no atomic instruction at all, just an ordered
store."""),
    code(IMPORT + """
import dev.wirelab.core.metrics.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;"""),
    md("""## Measured: two threads incrementing the same counter"""),
    code("""var atomic = new AtomicLong();
var adder = new LongAdder();
var counter = new Counter();
var a = Lab.timeThreads("AtomicLong.incrementAndGet", 2, () -> atomic.incrementAndGet());
var l = Lab.timeThreads("LongAdder.increment", 2, () -> { adder.increment(); return 1; });
var c = Lab.timeThreads("wirelab Counter.increment", 2, () -> { counter.increment(); return 1; });
System.out.println("no increment was lost: the counters read " + atomic.get() + ", " + adder.sum() + " and " + counter.get());"""),
    code("""Lab.bars("Increments per second, 2 threads", "increments per second",
        Lab.pairs("AtomicLong", a.opsPerSecond(), "LongAdder", l.opsPerSecond(), "Counter", c.opsPerSecond()))"""),
    md("""## The same question, asked of JMH

`Lab.bench` runs a JMH suite of the `bench` module in its quick mode (one fork, short
iterations) and prints each variant's ratio to the best of its group. Here only the two-thread
increments of `CounterBenchmark`: four forked JVMs, about ten seconds."""),
    code("""var rows = Lab.bench("metrics", "CounterBenchmark.increment_2threads");"""),
    md("""**What it means here.** When the two threads really run at the same time on two cores,
the striped counters beat `AtomicLong` by a few times (the project's JMH run on a quiet machine
measured about 4x). When they do not (one core, or a machine busy with other work, so the two
threads mostly take turns), there is no contention to avoid, and `AtomicLong`'s single
instruction is as fast or faster: the bars show which case this machine was in. A striped counter's read is slower (it sums the cells) and not a
snapshot of one instant, which is the right trade for statistics read once a second and written
a million times."""),
] + quiz_cells("06-metrics")

NOTEBOOKS["07-work-stealing"] = [
    md("""# 07 Work stealing

A fixed thread pool shares one queue: every task taken is a contended operation on it, and a
worker that drew long tasks is not helped by one that ran out. A work-stealing pool
(`ForkJoinPool`, the scheduler under virtual threads) gives each worker its own deque; an idle
worker steals from the other end of a busy one's. The experiment runs one skewed set of tasks
(many short, a few long, some that fork children) on four schedulers and checks that every task
ran exactly once."""),
    code(IMPORT + """
import dev.wirelab.core.sched.*;
import java.time.Duration;"""),
    code("""var config = WorkStealingExperiment.Config.defaults().withBudget(Duration.ofSeconds(3));
var report = WorkStealingExperiment.run(config);
System.out.print(WorkStealingExperiment.table(report));"""),
    code("""var rates = new java.util.LinkedHashMap<String, Double>();
report.results().forEach(r -> rates.put(r.kind().label(), r.tasksPerSecond()));
Lab.bars("The same skewed task set on four schedulers", "tasks per second", rates)"""),
    md("""**What it means here.** With only two workers there is little imbalance to fix: expect the
fixed pool, `ForkJoinPool` and virtual threads within a few per cent of each other (the
project's JMH run found 0.98x), and the static partition behind when the long tasks landed on one
side. Work stealing pays off with many cores and uneven work; on a small machine, measure before
believing any claim about it."""),
] + quiz_cells("07-work-stealing")

NOTEBOOKS["08-simd"] = [
    md("""# 08 SIMD: the Internet checksum, many bytes at a time

The Internet checksum (RFC 1071) adds a packet up as 16-bit words with the carries folded back
in. A scalar loop adds one word per step. The Vector API (`jdk.incubator.vector`) adds a whole
register of words per instruction (32 of them with 512-bit AVX-512), and the JIT compiles it to
those instructions, with a scalar fallback where the hardware has no wide vectors. The result
must be bit-for-bit the same: the build checks every length from 0 to 4096 at every offset up
to 63."""),
    code(IMPORT + """
import dev.wirelab.simd.*;
import dev.wirelab.core.checksum.InternetChecksum;
import java.util.Random;
import java.util.zip.CRC32C;"""),
    code("""System.out.println(SimdSupport.describe());
byte[] data = new byte[64 * 1024];
new Random(1).nextBytes(data);
System.out.printf("checksum of 64 KiB: vector 0x%04x, scalar 0x%04x%n",
        InternetChecksums.checksum(data, 0, data.length), InternetChecksum.checksum(data, 0, data.length));"""),
    md("""## Measured: 64 KiB three ways

The vector kernel, the scalar reference, and the JDK's CRC32C (a different checksum, computed by
a hardware instruction: the production twin for "how fast can a checksum be")."""),
    code("""var crc = new CRC32C();
var vector = Lab.time("vector checksum, 64 KiB", () -> InternetChecksums.checksum(data, 0, data.length));
var scalar = Lab.time("scalar checksum, 64 KiB", () -> InternetChecksum.checksum(data, 0, data.length));
var hw = Lab.time("CRC32C, 64 KiB", () -> { crc.reset(); crc.update(data, 0, data.length); return crc.getValue(); });"""),
    code("""double kib = data.length / 1024.0;
Lab.bars("Checksumming 64 KiB", "GB/s",
        Lab.pairs("vector", data.length / vector.nanosPerOp(), "scalar", data.length / scalar.nanosPerOp(),
                  "CRC32C", data.length / hw.nanosPerOp()))"""),
    md("""**What it means here.** Bytes per nanosecond is GB/s. On a machine with AVX-512 the vector
kernel should be several times the scalar one (the project's JMH run: 4.4x its best scalar
version at 64 KiB); without wide vectors `SimdSupport` says so above, and the two bars meet. Run
`./lab bench simd` for the JMH figures with error bars."""),
] + quiz_cells("08-simd")

NOTEBOOKS["09-selector"] = [
    md("""# 09 The selector reactor

The blocking server gives each connection a thread that sleeps in `read`. The selector server
gives a whole set of connections one thread that sleeps in `select()`: the kernel wakes it with
the list of sockets that are ready, and it reads and writes each without blocking. Two rules make
it correct: ask for `OP_WRITE` only while bytes are owed (a socket is almost always writable, so
a standing `OP_WRITE` wakes the loop forever), and stop reading a peer whose echo cannot be
written (backpressure)."""),
    code(IMPORT),
    code('Lab.diagram("selector-loop")'),
    md("""## Measured: one thread per connection vs one loop for all

Both servers under the same load, 64 connections of 64-byte messages, one second each."""),
    code("""var nio = Lab.start("nio");
var selector = Lab.load(nio, 64, 64, 1.0);
nio.stop();
var blocking = Lab.start("blocking");
var threads = Lab.load(blocking, 64, 64, 1.0);
blocking.stop();"""),
    code("""Lab.bars("64 connections x 64 B", "messages per second",
        Lab.pairs("selector (nio)", selector.messagesPerSecond(), "thread per connection", threads.messagesPerSecond()))"""),
    code("""Lab.bars("64 connections x 64 B: tail latency", "p99 latency, us",
        Lab.pairs("selector (nio)", selector.latency().p99(), "thread per connection", threads.latency().p99()))"""),
    md("""**What it means here.** On two cores the blocking server pays a thread wake-up and a
context switch for every message; the selector's loop handles many ready sockets per wake-up.
The tour measured the selector at about 2x the blocking server's rate at 64 connections, and the
blocking server's p99 several times worse. A run in a notebook is shorter and noisier: read the
ratio, not the numbers."""),
] + quiz_cells("09-selector")

NOTEBOOKS["10-async"] = [
    md("""# 10 Async: event loops, virtual threads, completion handlers

Four ways to write the same echo server without a platform thread per connection:
**Netty** (event loops, the tokio analog; the epoll or io_uring transport where Linux has it),
**virtual threads** (blocking code, but a parked virtual thread gives its carrier back),
**split reader/writer** (two virtual threads per connection joined by a bounded queue, so a slow
peer stops the reader), and NIO.2 **completion handlers** (callbacks)."""),
    code(IMPORT),
    code('Lab.diagram("split-reader-writer")'),
    md("""## Measured: the four async models under one load

Each variant in turn: 32 connections of 64-byte messages, 0.8 s after a short warm-up."""),
    code("""var rates = new java.util.LinkedHashMap<String, Double>();
var p99s = new java.util.LinkedHashMap<String, Double>();
for (String name : new String[] {"netty", "virtual", "virtual-split", "completion"}) {
    try (var server = Lab.start(name)) {
        var report = Lab.load(server, 32, 64, 0.8);
        rates.put(name, report.messagesPerSecond());
        p99s.put(name, report.latency().p99());
    }
}"""),
    code('Lab.bars("32 connections x 64 B", "messages per second", rates)'),
    code('Lab.bars("32 connections x 64 B: tail latency", "p99 latency, us", p99s)'),
    md("""**What it means here.** Netty and the completion handlers do one `epoll_wait` for many
sockets; virtual threads park and unpark one thread per message, which costs more on two cores
(the tour measured them at about 0.4x Netty when pinned to one core, 0.7x when they could use
both). The split variant adds a queue hand-off per message: it buys bounded memory under a slow
reader, and costs throughput on a fast one."""),
] + quiz_cells("10-async")

NOTEBOOKS["11-actors"] = [
    md("""# 11 Actors

In the actor server every connection is an actor: it owns its state, and the only way to touch
that state is to send it a message. Akka's TCP extension turns socket events into messages too.
Two rules keep memory bounded: reads are *pulled* (the actor asks for the next `Received` with
`ResumeReading`), and writes are *acknowledged* (at most one `Write` in flight; the ack says when
to send the next). This is the protocol as designed:"""),
    code(IMPORT + "\nimport dev.wirelab.core.trace.MessageTrace;"),
    code('Lab.diagram("actor-echo")'),
    md("""## Recorded: one real echo

Now the real thing. `MessageTrace` records the messages the listener and the connection actor
exchange with Akka's TCP layer, while a client sends one line and reads it back. The table lists
them with the microseconds since the first; the diagram is drawn from that table."""),
    code('var steps = Lab.traceAkkaEcho("hello, actors\\n");'),
    code('Lab.sequence(steps, "One echo through the Akka server, as recorded")'),
    md("""Read the diagram against the rules: nothing is read before `ResumeReading`, the bytes
come back as one `Write` carrying an ack, and the next `ResumeReading` is sent as soon as there
is room, without waiting for the ack. The order of the client's lines relative to the actors'
is as this run saw it; the actors' own order is fixed by the protocol."""),
    md("""## Measured: actors vs the selector"""),
    code("""var akka = Lab.start("akka");
var actors = Lab.load(akka, 32, 64, 1.0);
akka.stop();
var nio = Lab.start("nio");
var selector = Lab.load(nio, 32, 64, 1.0);
nio.stop();
Lab.bars("32 connections x 64 B", "messages per second",
        Lab.pairs("akka", actors.messagesPerSecond(), "nio", selector.messagesPerSecond()))"""),
    md("""**What it means here.** Every message crosses several mailboxes and a dispatcher thread,
so on two cores the actor server runs at a fraction of the selector's rate (the tour: 0.4x when
pinned to one core, about 0.8x unpinned). What it buys is isolation: a failing connection actor
is stopped and counted, and no other connection notices."""),
] + quiz_cells("11-actors")

NOTEBOOKS["12-os-tuning"] = [
    md("""# 12 OS and socket tuning

Some of a server's speed is set outside the JVM: the kernel's TCP settings, and per socket,
Nagle's algorithm and the buffer sizes. Nagle holds back a small segment while an earlier one is
unacknowledged, which saves packets for chatty senders and costs latency for request/response
protocols that write a message in pieces."""),
    code(IMPORT + """
import dev.wirelab.labs.tune.KernelSettings;
import dev.wirelab.core.load.LoadSpec;
import java.time.Duration;"""),
    code("""var settings = Lab.table("setting", "value", "what it does");
new KernelSettings().read().forEach(s -> settings.row(s.name(), s.value().orElse("(unreadable)"), s.meaning()));
settings.show();"""),
    md("""## Measured: Nagle on a message written in two pieces

One connection, 64-byte messages, each written by the client as two 32-byte writes. With
`TCP_NODELAY` the second piece goes at once; with Nagle on it waits until the first is
acknowledged."""),
    code("""var nio = Lab.start("nio");
var base = LoadSpec.defaults(nio.address()).withConnections(1).withMessageSize(64)
        .withDuration(Duration.ofSeconds(1)).withWarmup(Duration.ofMillis(300));
var noDelay = Lab.load("nodelay, 2 writes", base.withSocket(LoadSpec.Socket.DEFAULT.withMaxWrite(32)));
var nagle = Lab.load("Nagle, 2 writes", base.withSocket(LoadSpec.Socket.DEFAULT.withNoDelay(false).withMaxWrite(32)));
nio.stop();"""),
    code("""Lab.bars("A 64 B message in two writes", "median round trip, us",
        Lab.pairs("TCP_NODELAY", noDelay.latency().p50(), "Nagle on", nagle.latency().p50()))"""),
    md("""**What it means here.** On Linux loopback the acknowledgement comes back quickly, so Nagle
costs a multiple of the round trip rather than the 40 ms delayed-ACK stall seen across real
networks (`./lab tune` measured 2.1x). Request/response protocols set `TCP_NODELAY`, or better,
write each message in one call."""),
] + quiz_cells("12-os-tuning")

NOTEBOOKS["13-profiling"] = [
    md("""# 13 Profiling and measuring honestly

Before optimising, find out where the time goes. JDK Flight Recorder samples the Java stacks
of running threads for about a per cent of CPU, and records a sample of allocations with their
stacks, all without hardware counters (which virtual machines often lack). And before
believing a figure, find out how much it moves between two identical runs."""),
    code(IMPORT),
    md("""## Where does the time go?

The selector server and the load generator both run in this kernel's JVM, so the profile shows
both sides of the loopback: the client's writes and reads and the server's loop."""),
    code("""var nio = Lab.start("nio");
var profile = Lab.profile("nio + load generator, 16 connections", () -> Lab.load(nio, 16, 64, 1.5));"""),
    code("""var top = new java.util.LinkedHashMap<String, Double>();
profile.hotMethods().stream().limit(5).forEach(e -> top.put(e.frame().replaceAll(".*\\\\.(\\\\w+\\\\.\\\\w+)\\\\(.*", "$1"), e.percent()));
Lab.bars("Hottest methods (top frame)", "% of samples", top)"""),
    md("""## How much does a figure move?

Three identical one-second runs, one after the other."""),
    code("""var runs = new java.util.LinkedHashMap<String, Double>();
for (int i = 1; i <= 3; i++) runs.put("run " + i, Lab.load(nio, 16, 64, 1.0).messagesPerSecond());
nio.stop();
double min = runs.values().stream().mapToDouble(d -> d).min().orElseThrow();
double max = runs.values().stream().mapToDouble(d -> d).max().orElseThrow();
System.out.printf("spread between identical runs: max/min = %.2f%n", max / min);
Lab.bars("The same load, three times", "messages per second", runs)"""),
    md("""**What it means here.** On a quiet machine expect the top frames to be system calls
(socket reads and writes, `epoll_wait`): a loopback echo spends its time in the kernel. The
spread line is the noise floor of this machine right now: a difference between two variants
smaller than it is not a finding."""),
] + quiz_cells("13-profiling")

NOTEBOOKS["14-showdown"] = [
    md("""# 14 Showdown: every server model, one load

The course's servers side by side: blocking threads, the selector reactor, Netty's event loops,
virtual threads (plain and split), completion handlers and actors. Each starts in this JVM in
turn on its own loopback port and gets the same load, 32 connections of 64-byte messages for
0.8 s; every echoed byte is verified. For the full version, each server in its own JVM with CPU
and memory measured, run `./lab tour`."""),
    code(IMPORT),
    code("""var rate = new java.util.LinkedHashMap<String, Double>();
var p99 = new java.util.LinkedHashMap<String, Double>();
for (String name : new String[] {"blocking", "nio", "netty", "virtual", "virtual-split", "completion", "akka"}) {
    try (var server = Lab.start(name)) {
        var report = Lab.load(server, 32, 64, 0.8);
        rate.put(name, report.messagesPerSecond());
        p99.put(name, report.latency().p99());
    }
}"""),
    code("""double best = rate.values().stream().mapToDouble(d -> d).max().orElseThrow();
var table = Lab.table("variant", "msg/s", "ratio to best", "p99 us");
rate.forEach((name, r) -> table.row(name, String.format("%,.0f", r), String.format("%.2fx", r / best),
        String.format("%,.0f", p99.get(name))));
table.show();"""),
    code("""var relative = new java.util.LinkedHashMap<String, Double>();
rate.forEach((name, r) -> relative.put(name, r / best));
Lab.bars("Message rate relative to the best, 32 x 64 B", "ratio to best", relative)"""),
    code('Lab.bars("Tail latency, 32 x 64 B", "p99 latency, us", p99)'),
    md("""**What it means here.** The servers that wait for many sockets in one system call (the
selector, Netty, completion handlers) lead on a two-core machine; the ones that wake a thread per
message (blocking, virtual threads, actors) follow, by roughly the factors the chapters showed.
In this notebook the client shares the JVM and the cores with each server, so the gaps are
smaller and noisier than in `./lab tour`, which gives each server a JVM and a core of its own.
Which model to choose is the trade the chapters described: the selector for control, Netty for
protocols and transports, virtual threads for plain code, actors for isolation."""),
]


def notebook(name, cells):
    out = []
    for i, (kind, text) in enumerate(cells):
        cell = {"cell_type": kind, "id": "%s-%02d" % (name[:2], i), "metadata": {},
                "source": text.splitlines(keepends=True)}
        if kind == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        out.append(cell)
    return {
        "cells": out,
        "metadata": {
            "kernelspec": {"display_name": "Java 25 (wirelab)", "language": "java", "name": "wirelab"},
            "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def main():
    chapters = sorted(p.stem for p in QUIZZES.glob("[0-9][0-9]-*.md"))
    missing = [c for c in chapters if c not in NOTEBOOKS]
    if missing:
        raise SystemExit("no notebook for quiz chapter(s): " + ", ".join(missing))
    for name, cells in NOTEBOOKS.items():
        path = HERE / (name + ".ipynb")
        path.write_text(json.dumps(notebook(name, cells), indent=1, ensure_ascii=False) + "\n")
        print("wrote", path.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
