package uk.openattendance.notify.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.notify.app.SendFailure;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.roll.domain.Channel;

/** An email whose server went silent after taking the message is "unknown"; one that failed before DATA was never sent. */
class SmtpMailTest {
    static final OutgoingMessage MAIL = new OutgoingMessage(1, Channel.EMAIL, "parent@example.org", "Amelia not in school today",
            "Amelia is not in school today.", "FIRST_DAY_ABSENCE", null);

    /** A mail server that answers every command and then, at {@code silentAt} ("DATA end" or "RCPT"), says nothing more. */
    static Thread server(ServerSocket socket, String silentAt) {
        Thread t = new Thread(() -> {
            try (Socket s = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                out.write("220 fake ESMTP\r\n".getBytes());
                boolean data = false;
                for (String line; (line = in.readLine()) != null; ) {
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            if (silentAt.equals("DATA end")) {
                                Thread.sleep(5000);
                                return;
                            }
                            out.write("250 queued\r\n".getBytes());
                        }
                        continue;
                    }
                    String cmd = line.toUpperCase();
                    if (cmd.startsWith("RCPT") && silentAt.equals("RCPT")) {
                        Thread.sleep(5000);
                        return;
                    }
                    if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                        out.write("250 fake\r\n".getBytes());
                    } else if (cmd.startsWith("DATA")) {
                        out.write("354 go ahead\r\n".getBytes());
                        data = true;
                    } else if (cmd.startsWith("QUIT")) {
                        out.write("221 bye\r\n".getBytes());
                        return;
                    } else {
                        out.write("250 ok\r\n".getBytes());
                    }
                    out.flush();
                }
            } catch (Exception ignored) {
                // the client hung up
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    static SendFailure sendThrough(String silentAt) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            server(socket, silentAt);
            SmtpMail mail = new SmtpMail(List.of(), "127.0.0.1", socket.getLocalPort(), "", "", "attendance@example.org", false, Duration.ofSeconds(1));
            return catchThrowableOfType(() -> mail.send(MAIL, 42), SendFailure.class);
        }
    }

    @Test
    void aServerThatGoesSilentAfterTakingTheMessageLeavesItsOutcomeUnknown() throws Exception {
        assertThat(sendThrough("DATA end").kind()).isEqualTo(SendFailure.Kind.UNKNOWN);
    }

    @Test
    void aServerThatGoesSilentBeforeTheMessageWasSentMeansItCanSimplyBeSentAgain() throws Exception {
        SendFailure f = sendThrough("RCPT");
        assertThat(f.kind()).isEqualTo(SendFailure.Kind.NOT_SENT);
        assertThat(f.isTransient()).isTrue();
    }
}
