/**
 * Typestate in actor form: {@link dev.wirelab.actor.auth.AuthSession} is a session whose
 * unauthenticated and authenticated states are two Akka Typed behaviors. Where core's
 * {@code typestate} package makes "fetch before login" a compile error, the actor answers it
 * with a typed {@link dev.wirelab.actor.auth.AuthSession.Refused} reply that the caller's
 * exhaustive {@code switch} must handle.
 */
package dev.wirelab.actor.auth;
