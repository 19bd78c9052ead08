package dev.newsflow.producers.publish;

/** Counts sends not yet answered, so that a run ends only when every article has its outcome. */
final class InFlight {

    private long count;

    synchronized void begin() {
        count++;
    }

    synchronized void end() {
        if (--count == 0) {
            notifyAll();
        }
    }

    synchronized void awaitZero() {
        boolean interrupted = false;
        while (count > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the outcomes are still coming: finish counting, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
