package dev.annals.drill.fault;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault proxy between a client and an echo server, both on loopback: each fault as it is named. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FaultProxyTest {

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    var socket = echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        } catch (IOException ended) {
                            // The proxy cut it.
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
        proxy = FaultProxy.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private Socket connect() throws IOException {
        var socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(2000);
        return socket;
    }

    private static int roundTrip(Socket socket, int value) throws IOException {
        socket.getOutputStream().write(value);
        socket.getOutputStream().flush();
        return socket.getInputStream().read();
    }

    @Test
    void passes_bytes_both_ways_without_a_fault() throws IOException {
        try (var socket = connect()) {
            assertThat(roundTrip(socket, 42)).isEqualTo(42);
        }
    }

    @Test
    void drop_closes_open_connections_and_new_ones() throws IOException {
        try (var socket = connect()) {
            assertThat(roundTrip(socket, 1)).isEqualTo(1);
            proxy.inject(ConnectionFault.DROP);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        try (var fresh = connect()) {
            assertThat(fresh.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void stall_holds_the_bytes_until_the_fault_ends() throws IOException {
        try (var socket = connect()) {
            assertThat(roundTrip(socket, 1)).isEqualTo(1);
            proxy.inject(ConnectionFault.STALL);
            socket.setSoTimeout(300);
            assertThatThrownBy(() -> roundTrip(socket, 7)).isInstanceOf(SocketTimeoutException.class);
            proxy.inject(ConnectionFault.NONE);
            socket.setSoTimeout(2000);
            assertThat(socket.getInputStream().read()).isEqualTo(7);
        }
    }

    @Test
    void slow_delays_every_chunk() throws IOException {
        try (var socket = connect()) {
            proxy.inject(ConnectionFault.SLOW);
            long start = System.nanoTime();
            assertThat(roundTrip(socket, 3)).isEqualTo(3);
            // 50 ms on the way there and 50 ms on the way back.
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void half_open_leaves_the_socket_open_but_unanswered_then_resets_it() throws IOException {
        try (var socket = connect()) {
            assertThat(roundTrip(socket, 1)).isEqualTo(1);
            proxy.inject(ConnectionFault.HALF_OPEN);
            socket.setSoTimeout(300);
            assertThatThrownBy(() -> roundTrip(socket, 2)).isInstanceOf(SocketTimeoutException.class);
            assertThat(socket.isClosed()).isFalse();
            proxy.inject(ConnectionFault.NONE);
            socket.setSoTimeout(2000);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class);
        }
        try (var fresh = connect()) {
            assertThat(roundTrip(fresh, 5)).isEqualTo(5);
        }
    }

    @Test
    void reset_aborts_open_connections_and_new_ones() throws IOException {
        try (var socket = connect()) {
            assertThat(roundTrip(socket, 1)).isEqualTo(1);
            proxy.inject(ConnectionFault.RESET);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketException.class);
        }
        try (var fresh = connect()) {
            assertThatThrownBy(() -> roundTrip(fresh, 1)).isInstanceOf(IOException.class);
        }
    }
}
