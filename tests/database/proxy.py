"""A TCP proxy in front of PostgreSQL that can go silent: it keeps every connection open and
accepts every byte, but relays nothing, as a hung server or a half-dead network path does."""

import contextlib
import socket
import threading


class SilentProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.relaying = threading.Event()
        self.relaying.set()
        self.sockets = []
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def silence(self):
        self.relaying.clear()

    def resume(self):
        self.relaying.set()

    def close(self):
        self.relaying.set()
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                # Silent: the bytes were accepted (the sender sees them acknowledged) and are
                # dropped, like every later one, until the proxy relays again.
                if self.relaying.is_set():
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
