/**
 * An echo server built from Akka Typed actors.
 */
package dev.wirelab.actor;
