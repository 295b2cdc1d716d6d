package hotline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Signals Java cannot send itself ({@link ProcessHandle} knows only TERM and KILL), to processes a test started. */
public final class Signals {

    private Signals() {
    }

    /** Sends {@code signal} ({@code INT}, {@code STOP}, {@code CONT}, ...) to the process {@code pid}. */
    public static void send(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
