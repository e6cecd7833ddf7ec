package org.parkhub.corpus;

import java.io.InputStream;
import java.util.function.Supplier;

import org.parkhub.support.CuttingFtpClient;

/**
 * One case of the bad-input corpus: what is sent, through which channel, and the specific answer the sender
 * must get back through that same channel.
 */
record BadInput(String id, String input, Attempt attempt, Expected expected) {

    String channel() {
        if (attempt instanceof Rest rest) {
            return rest.path().startsWith("/api/v1/ceb") ? "REST CEB XML" : "REST " + rest.contentType();
        }
        if (attempt instanceof FtpFile file) {
            return "FTP " + file.path().substring(0, file.path().lastIndexOf('/') + 1);
        }
        return "FTP session";
    }

    /** How the case is sent. */
    sealed interface Attempt permits Rest, FtpFile, FtpAction {
    }

    /** A POST as firm {@code apiKey}; the body is made when the case runs (large cases are not kept). */
    record Rest(String path, String apiKey, String contentType, String idempotencyKey, Supplier<byte[]> body)
            implements Attempt {
    }

    /** A file stored over FTP by {@code user}; the content is streamed when the case runs. */
    record FtpFile(String user, String password, String path, Supplier<InputStream> content) implements Attempt {
    }

    /** An FTP session doing something it may not; answers the server's last reply. */
    record FtpAction(String user, String password, FtpStep step) implements Attempt {
    }

    @FunctionalInterface
    interface FtpStep {
        /** Runs the step on a logged-in client (or on a connected one, when the login itself is the case). */
        void run(CuttingFtpClient client) throws Exception;
    }

    /** What the sender must get. */
    sealed interface Expected permits Problem, Receipt, FtpReply {
    }

    /** An RFC 9457 problem: HTTP status, the type's last segment, and a text its body must contain. */
    record Problem(int status, String type, String mentions) implements Expected {
        @Override
        public String toString() {
            return status + " " + type + (mentions.isEmpty() ? "" : " \"" + mentions + "\"");
        }
    }

    /** A receipt for the file whose summary has this status and whose errors contain the text. */
    record Receipt(String summary, String mentions) implements Expected {
        @Override
        public String toString() {
            return "receipt " + summary + " \"" + mentions + "\"";
        }
    }

    /** An FTP reply with this code. */
    record FtpReply(int code) implements Expected {
        @Override
        public String toString() {
            return "FTP " + code;
        }
    }
}
