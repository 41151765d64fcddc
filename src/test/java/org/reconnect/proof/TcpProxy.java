package org.reconnect.proof;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of a store, which the proofs cut to make the store unreachable:
 * while cut, open connections are reset and new ones are closed as soon as they are accepted, as
 * a node sees a database that went down.
 */
final class TcpProxy implements AutoCloseable {

	private final ServerSocket listener;
	private final int target;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile boolean cut;

	TcpProxy(int targetPort) throws IOException {
		this.target = targetPort;
		this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "proxy-" + targetPort);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return listener.getLocalPort();
	}

	/** The store becomes unreachable: every connection is dropped and none is let through. */
	void cut() {
		cut = true;
		open.forEach(TcpProxy::closeQuietly);
		open.clear();
	}

	void restore() {
		cut = false;
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				if (cut) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket();
				server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
				client.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				open.add(client);
				open.add(server);
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// a refused connection to the store, or the listener closed: the next accept tells
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// closed on either side
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		listener.close();
		cut();
	}
}
