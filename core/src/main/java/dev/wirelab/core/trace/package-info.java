/**
 * Teaching instruments: {@link dev.wirelab.core.trace.MessageTrace} records the messages a
 * server passes while a lesson watches, and draws them as a sequence diagram. A server notes
 * its messages here; the lab and the notebooks read the recording without knowing the server.
 */
package dev.wirelab.core.trace;
