package kz.orleu.benefits.store;

import java.util.Arrays;

/** The bytes an encoder of COPY rows has written and the caller has not yet sent: it grows as rows need. */
abstract class CopyBuffer {

    protected byte[] buffer;
    protected int size;

    CopyBuffer(int capacity) {
        buffer = new byte[capacity];
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    protected void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    protected void put(byte[] bytes, int length) {
        ensure(length);
        System.arraycopy(bytes, 0, buffer, size, length);
        size += length;
    }

    protected void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size + more, buffer.length * 2));
        }
    }
}
