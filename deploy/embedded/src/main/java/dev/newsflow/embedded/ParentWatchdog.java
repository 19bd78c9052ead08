package dev.newsflow.embedded;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The entry point of a child process that must not outlive its parent: it runs the real main class, and exits as
 * soon as its standard input reaches end of file, which the OS causes when the parent dies, even by SIGKILL.
 * Runs in the child's JVM, so it uses nothing but the JDK.
 */
public final class ParentWatchdog {

    private static final long HALT_AFTER_MS = 15_000;

    private ParentWatchdog() {
    }

    /** {@code args[0]}: the main class to run; the rest are its arguments. */
    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(ParentWatchdog::exitWhenParentGoes, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentGoes() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes: only end of file matters
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of file
        }
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MS);
            } catch (InterruptedException ignored) {
                // exiting anyway
            }
            Runtime.getRuntime().halt(1); // shutdown hooks hung: do not linger
        }, "parent-watchdog-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
