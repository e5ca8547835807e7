/**
 * The executable definition of a correct echo server: {@code EchoServerContract}, one
 * JUnit 5 suite that every server variant subclasses in one line.
 */
package dev.wirelab.testkit;
