package io.karapace.jvm.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public final class FreePorts {

    private FreePorts() {
    }

    /** Ports handed out in this JVM: the kernel may offer a port again once its probe socket closed. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /** A free port this JVM has not handed out before. */
    public static int next() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
