package io.cmohub.console;

/** An action the console refuses, with the HTTP status and the sentence shown to the person. */
public class ConsoleRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ConsoleRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
