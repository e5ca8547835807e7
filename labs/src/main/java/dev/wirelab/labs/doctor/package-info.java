/**
 * {@code lab doctor}: read-only checks of the machine (JDK, cores, memory, Vector API,
 * Netty transports, Jupyter), each a {@link dev.wirelab.labs.doctor.Check} with one line
 * saying how to fix what is missing.
 */
package dev.wirelab.labs.doctor;
