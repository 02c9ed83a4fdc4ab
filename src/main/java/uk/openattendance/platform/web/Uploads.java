package uk.openattendance.platform.web;

import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Multipart uploads as bytes; the server refuses bodies over micronaut.server.max-request-size before they get here. */
public final class Uploads {
    private Uploads() {}

    public static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
