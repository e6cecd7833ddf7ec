package org.parkhub.ftp;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.User;
import org.parkhub.ingest.file.InboxLayout;

/**
 * Each firm sees its own home and nothing else. The native file system already keeps virtual paths
 * ({@code ..}) inside the home; this adds what it does not: a link that leads out of the home is treated as
 * absent, and a firm may write only files into its inbox folders (not receipts, not outbox, no new folders).
 */
final class ConfinedFileSystemFactory implements FileSystemFactory {

    private final NativeFileSystemFactory nativeFileSystem = new NativeFileSystemFactory();
    private final long maxUploadBytes;

    ConfinedFileSystemFactory(long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
        nativeFileSystem.setCreateHome(false);
    }

    @Override
    public FileSystemView createFileSystemView(User user) throws FtpException {
        Path home;
        try {
            home = Path.of(user.getHomeDirectory()).toRealPath();
        } catch (IOException e) {
            throw new FtpException("home of " + user.getName() + " is missing", e);
        }
        FileSystemView view = nativeFileSystem.createFileSystemView(user);
        return new FileSystemView() {
            @Override
            public FtpFile getHomeDirectory() throws FtpException {
                return confine(view.getHomeDirectory(), home);
            }

            @Override
            public FtpFile getWorkingDirectory() throws FtpException {
                return confine(view.getWorkingDirectory(), home);
            }

            @Override
            public boolean changeWorkingDirectory(String dir) throws FtpException {
                FtpFile target = getFile(dir);
                return target.doesExist() && target.isDirectory() && view.changeWorkingDirectory(dir);
            }

            @Override
            public FtpFile getFile(String file) throws FtpException {
                return confine(view.getFile(file), home);
            }

            @Override
            public boolean isRandomAccessible() throws FtpException {
                return view.isRandomAccessible();
            }

            @Override
            public void dispose() {
                view.dispose();
            }
        };
    }

    private FtpFile confine(FtpFile file, Path home) {
        return new ConfinedFile(file, home, maxUploadBytes);
    }

    /** True when the file, with every link on its way resolved, is inside the home. */
    static boolean inside(File physical, Path home) {
        try {
            Path path = physical.toPath().toAbsolutePath().normalize();
            // resolve the longest existing part of the path: links among its parents count too
            Path existing = path;
            while (existing != null && !existing.toFile().exists()) {
                existing = existing.getParent();
            }
            return existing != null && existing.toRealPath().startsWith(home);
        } catch (IOException e) {
            return false;
        }
    }

    /** The firm's files: what lies outside its home does not exist for it; it writes only into inbox folders. */
    private static final class ConfinedFile implements FtpFile {
        private final FtpFile file;
        private final Path home;
        private final long maxUploadBytes;
        private final boolean inside;

        ConfinedFile(FtpFile file, Path home, long maxUploadBytes) {
            this.file = file;
            this.home = home;
            this.maxUploadBytes = maxUploadBytes;
            this.inside = inside((File) file.getPhysicalFile(), home);
        }

        @Override
        public String getAbsolutePath() {
            return file.getAbsolutePath();
        }

        @Override
        public String getName() {
            return file.getName();
        }

        @Override
        public boolean isHidden() {
            return file.isHidden();
        }

        @Override
        public boolean isDirectory() {
            return inside && file.isDirectory();
        }

        @Override
        public boolean isFile() {
            return inside && file.isFile();
        }

        @Override
        public boolean doesExist() {
            return inside && file.doesExist();
        }

        @Override
        public boolean isReadable() {
            return inside && file.isReadable();
        }

        /** Only a file directly in one of the inbox folders: {@code /inbox/<folder>/<name>}. */
        @Override
        public boolean isWritable() {
            String[] parts = file.getAbsolutePath().split("/");
            return inside && parts.length == 4 && parts[1].equals("inbox")
                    && InboxLayout.Folder.byName(parts[2]).isPresent() && !file.isDirectory();
        }

        @Override
        public boolean isRemovable() {
            return inside && !file.isDirectory() && file.isRemovable();
        }

        @Override
        public String getOwnerName() {
            return file.getOwnerName();
        }

        @Override
        public String getGroupName() {
            return file.getGroupName();
        }

        @Override
        public int getLinkCount() {
            return file.getLinkCount();
        }

        @Override
        public long getLastModified() {
            return file.getLastModified();
        }

        @Override
        public boolean setLastModified(long time) {
            return false;
        }

        @Override
        public long getSize() {
            return inside ? file.getSize() : 0;
        }

        @Override
        public Object getPhysicalFile() {
            return file.getPhysicalFile();
        }

        @Override
        public boolean mkdir() {
            return false;
        }

        @Override
        public boolean delete() {
            return isRemovable() && file.delete();
        }

        @Override
        public boolean move(FtpFile destination) {
            return inside && destination.isWritable() && file.move(destination);
        }

        @Override
        public List<? extends FtpFile> listFiles() {
            if (!isDirectory()) {
                return List.of();
            }
            return file.listFiles().stream().map(f -> new ConfinedFile(f, home, maxUploadBytes))
                    .filter(ConfinedFile::doesExist).toList();
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            if (!isWritable()) {
                throw new IOException("not writable");
            }
            return new CappedOutputStream(file.createOutputStream(offset), offset, maxUploadBytes);
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            if (!isReadable() || !isFile()) {
                throw new IOException("not readable");
            }
            return file.createInputStream(offset);
        }
    }
}
