package org.parkhub.ftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An upload's file, refusing to grow past the park's upload limit: the transfer fails there and the file is incomplete. */
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
        grow(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        grow(len);
        out.write(b, off, len);
    }

    private void grow(int bytes) throws IOException {
        if (size + bytes > limit) {
            throw new IOException("the file is larger than the park's upload limit of " + limit / (1024 * 1024) + " MB");
        }
        size += bytes;
    }
}
