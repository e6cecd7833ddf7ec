package org.parkhub.support;

import java.io.IOException;
import java.net.Socket;

import org.apache.commons.net.ftp.FTPClient;

/** An FTP client that can open a transfer's data connection itself, to cut an upload off midway. */
public final class CuttingFtpClient extends FTPClient implements AutoCloseable {

    /** Sends {@code command argument} and returns the open data connection. */
    public Socket openData(String command, String argument) throws IOException {
        Socket data = _openDataConnection_(command, argument);
        if (data == null) {
            throw new IOException("the server refused " + command + " " + argument + ": " + getReplyString());
        }
        return data;
    }

    /** Writes {@code bytes} into the data connection, then resets it, as when a clerk's line drops. */
    public void cutUpload(String path, byte[] bytes) throws IOException {
        Socket data = openData("STOR", path);
        data.getOutputStream().write(bytes);
        data.getOutputStream().flush();
        data.setSoLinger(true, 0);
        data.close();
    }

    @Override
    public void close() throws IOException {
        if (isConnected()) {
            disconnect();
        }
    }
}
