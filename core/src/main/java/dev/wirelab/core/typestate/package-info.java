/**
 * Typestate: a connection whose authentication state is its type, so that "read data
 * before logging in" is a compile error rather than a bug found in production.
 *
 * <h2>The files</h2>
 * <ul>
 *   <li>{@link dev.wirelab.core.typestate.Connection}: the sealed interface of states, with
 *       the state diagram;</li>
 *   <li>{@link dev.wirelab.core.typestate.Unauthenticated},
 *       {@link dev.wirelab.core.typestate.Authenticated},
 *       {@link dev.wirelab.core.typestate.Closed}: one class per state, each with only the
 *       methods that state allows;</li>
 *   <li>{@link dev.wirelab.core.typestate.LoginResult}: a failed login as a sealed value;</li>
 *   <li>{@link dev.wirelab.core.typestate.CredentialStore}: salted PBKDF2 hashes compared in
 *       constant time;</li>
 *   <li>{@link dev.wirelab.core.typestate.Gateway}: hands out connections and holds the data;</li>
 *   <li>{@code Ownership} (package-private): the run-time "consumed exactly once" check.</li>
 * </ul>
 * The tests include compile-fail tests: they compile snippets with
 * {@link javax.tools.JavaCompiler} and assert the exact diagnostic, so the claim "this does
 * not compile" is itself checked by the build.
 *
 * <h2>Where Java's guarantees end, compared with Rust</h2>
 * <table>
 *   <caption>What is checked, and when</caption>
 *   <tr><th>Property</th><th>Rust ({@code Connection<S>}, moves)</th><th>This package</th></tr>
 *   <tr><td>No data access before login</td>
 *       <td>compile time: no such method on {@code Connection<Unauthenticated>}</td>
 *       <td>compile time, the same way: {@code read} exists only on {@code Authenticated}</td></tr>
 *   <tr><td>Every state handled in a {@code match}/{@code switch}</td>
 *       <td>compile time (exhaustive {@code match})</td>
 *       <td>compile time (pattern switch over a sealed type, no {@code default}); plus a
 *       run-time {@code MatchException} if a state is added and only some classes are
 *       recompiled</td></tr>
 *   <tr><td>A failed login must be handled</td>
 *       <td>compile time ({@code Result}, {@code #[must_use]})</td>
 *       <td>partly: the caller must switch on {@code LoginResult} to reach any connection,
 *       but may ignore the result entirely (javac does not warn)</td></tr>
 *   <tr><td>The old handle is unusable after {@code login}/{@code logout}</td>
 *       <td>compile time: {@code login(self)} moves it ("use of moved value")</td>
 *       <td><b>run time only</b>: the reference still compiles; the first use throws
 *       {@code IllegalStateException} naming the handle to use instead</td></tr>
 *   <tr><td>Two threads transition the same handle</td>
 *       <td>impossible: a moved value has one owner</td>
 *       <td>run time: a compare-and-set lets exactly one win, the other throws</td></tr>
 *   <tr><td>No handle at all ({@code null})</td>
 *       <td>impossible without {@code Option}</td>
 *       <td>not prevented: a parameter of type {@code Authenticated} may be {@code null}</td></tr>
 *   <tr><td>Forging a state</td>
 *       <td>only with {@code unsafe} ({@code transmute})</td>
 *       <td>constructors are package-private; reflection with {@code setAccessible} can
 *       still forge one on the class path (a named module that does not open the package
 *       stops it)</td></tr>
 *   <tr><td>Cost of a state change</td>
 *       <td>zero: the state is a zero-sized type parameter</td>
 *       <td>one small object per transition (often removed by escape analysis)</td></tr>
 * </table>
 * In short: Java gives the same compile-time guarantee about which operations exist in
 * which state, and loses the guarantee about which handle may still be used; the lesson
 * turns that loss into a loud, specific run-time error instead of silent misuse.
 */
package dev.wirelab.core.typestate;
