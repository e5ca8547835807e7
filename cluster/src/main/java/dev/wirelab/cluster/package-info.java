/**
 * Actors across nodes with Akka Cluster. {@link dev.wirelab.cluster.SessionEntity} is a login
 * session (unauthenticated, then authenticated) run as a sharded entity;
 * {@link dev.wirelab.cluster.ClusterNode} starts a node (the front node with the
 * {@link dev.wirelab.cluster.SessionStore}, or an entity node) on 127.0.0.1;
 * {@link dev.wirelab.cluster.SessionFrontEnd} is the TCP front end on the front node;
 * {@link dev.wirelab.cluster.HopCost} measures a remote entity against a local actor.
 */
package dev.wirelab.cluster;
