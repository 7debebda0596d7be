package dev.gracefulworker.e2e;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** The local endpoints the interpreter calls: an HTTP server on 127.0.0.1, on a free port, already serving. */
public final class LoopbackHttp {

    private LoopbackHttp() {
    }

    /** Serves {@code handler} under {@code path}; {@code what} names the endpoint when the port cannot be bound. */
    public static HttpServer serve(String what, String path, HttpHandler handler, Executor executor) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(path, handler);
            server.setExecutor(executor);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + what + " on 127.0.0.1", e);
        }
    }
}
