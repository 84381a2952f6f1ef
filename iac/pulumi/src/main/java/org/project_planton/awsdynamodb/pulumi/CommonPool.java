package org.project_planton.awsdynamodb.pulumi;

/**
 * Keeps the Pulumi Java SDK from livelocking on JDK 25 with one or two CPUs.
 *
 * <p>SDK 1.36.1's runner re-queues its event loop on CompletableFuture's async pool. Up to JDK 24
 * a common pool of parallelism 1 (the default on one or two CPUs: processors - 1) was bypassed for
 * a thread per task; from JDK 25 ({@code ForkJoinPool.asyncCommonPool}) it is used, and its one
 * worker spins forever on the runner's loop (pulumi/pulumi-java#2270, fixed by #2314, which is
 * not in 1.36.1). The pool reads its parallelism once, when {@code ForkJoinPool} initialises, so
 * every {@code main} this project ships calls {@link #ensureParallelism()} first.
 *
 * <p>Only on JDK 25 and later: before, parallelism 1 means a thread per task, the SDK's long-used
 * path, and forcing the pool there instead changes how the SDK's tasks are scheduled (a run of
 * the module's tests on JDK 17 with parallelism 2 was seen to stall).
 */
public final class CommonPool {

  static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPool() {}

  /** On JDK 25+, raises the common pool's parallelism to at least 2 unless it is set that high. */
  public static void ensureParallelism() {
    if (Runtime.version().feature() >= 25 && configured(System.getProperty(PARALLELISM)) < 2) {
      var wanted = Math.max(2, Runtime.getRuntime().availableProcessors() - 1);
      System.setProperty(PARALLELISM, Integer.toString(wanted));
    }
  }

  private static int configured(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0; // the pool ignores a value it cannot parse
    }
  }
}
