package dev.workspace.mfa.web.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body read only up to a limit: one byte more is a 413, whatever the request claimed its length was. */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new ApiError(413, "too_large", "The file is larger than 20 MB. Split it and import the parts.");
        }
    }
}
