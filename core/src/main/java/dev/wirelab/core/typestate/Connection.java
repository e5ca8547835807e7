package dev.wirelab.core.typestate;

/**
 * A client connection whose authentication state is its type.
 *
 * <pre>
 *                 login() ok                 logout()
 *   Unauthenticated ───────────▶ Authenticated ─────────▶ Unauthenticated
 *        │   ▲                         │
 *        │   └── login() rejected      │ disconnect()
 *        │       (attempts left)       ▼
 *        ├── login() locked out ────▶ Closed ◀── disconnect() from any state
 *        └── disconnect() ─────────────┘
 * </pre>
 *
 * <p>The idea: a method that must not run before login simply does not exist on the
 * type you hold before login. {@link Authenticated#read} is declared on
 * {@link Authenticated} only, so {@code unauthenticated.read("k")} is not a run-time
 * check that could be forgotten but a compile error ("cannot find symbol"). A
 * transition is a method that consumes one handle and returns the next:
 * {@link Unauthenticated#login} returns a {@link LoginResult}, and only its
 * {@link LoginResult.Success} case carries an {@link Authenticated} connection.
 *
 * <p>This interface is {@code sealed}: the three states are all there is, so a
 * {@code switch} over a {@code Connection} with one case per state needs no
 * {@code default}, and adding a fourth state turns every such switch into a compile
 * error until it handles the new state ({@link Gateway#disconnect} is one).
 *
 * <p><b>Where Java stops and Rust goes on.</b> In Rust, {@code login(self)} moves the
 * connection: the old variable cannot be named again, and the compiler proves it.
 * A Java reference can always be copied and used again, so each state object
 * remembers whether a transition consumed it and fails at run time, with an
 * {@link IllegalStateException} that names the handle to use instead. The package
 * documentation lists exactly which guarantees are compile-time in both languages and
 * which are run-time in Java.
 */
public sealed interface Connection permits Unauthenticated, Authenticated, Closed {

    /** The remote end, e.g. {@code "127.0.0.1:50412"}: known in every state. */
    String peer();
}
