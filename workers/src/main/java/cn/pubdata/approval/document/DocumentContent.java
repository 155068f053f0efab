package cn.pubdata.approval.document;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an upload, opened as often as they are needed (the server keeps a large multipart part on disk): once
 * to check and hash them, once to store them. Neither reads the whole file into memory.
 */
@FunctionalInterface
public interface DocumentContent {

    InputStream open() throws IOException;
}
