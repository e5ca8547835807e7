/**
 * {@code lab net}: more than one host on one machine. {@link dev.wirelab.labs.net.NetLayout}
 * says which hosts (network namespaces), cables (veth pairs, a bridge for three or more) and
 * addresses (198.18.0.0/15) to make; {@link dev.wirelab.labs.net.NetLab} makes, shows and
 * removes them with {@code ip} and {@code tc}; {@link dev.wirelab.labs.net.LinkRate} is a link's
 * token-bucket rate limit; {@link dev.wirelab.labs.net.Qdiscs} asks the kernel which queueing
 * disciplines it has (no {@code netem} means no emulated delay or loss).
 */
package dev.wirelab.labs.net;
