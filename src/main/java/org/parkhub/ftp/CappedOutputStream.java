package org.parkhub.ftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An upload's file, refusing to grow past the park's upload limit: the transfer fails there, the file ends exactly at
 * the limit, and the upload is reported incomplete (UploadListener reads the length to say why).
 */
final class CappedOutputStream extends FilterOutputStream {

    private final long limit;
    private long size;

    CappedOutputStream(OutputStream out, long startingSize, long limit) {
        super(out);
        this.size = startingSize;
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Writes what fits under the limit, then refuses the rest: the file stops at the limit, which tells why. */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long room = Math.max(0, limit - size);
        if (len > room) {
            out.write(b, off, (int) room);
            size = limit;
            throw new IOException("the file is larger than the park's upload limit of " + limit / (1024 * 1024) + " MB");
        }
        out.write(b, off, len);
        size += len;
    }
}
