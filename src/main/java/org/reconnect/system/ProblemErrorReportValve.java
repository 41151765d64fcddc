package org.reconnect.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before any of the application sees them (a path with an
 * encoded NUL or backslash, a malformed request line); its answer was an HTML page. This one is an
 * RFC 9457 problem, like every other refusal of the API. Added after Spring Boot's own valve, so
 * it is nearer the request and answers first.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "Error" : known.getReasonPhrase();
		String detail = status == 400
				? "The request could not be read: its address or headers are malformed (for example an encoded NUL, "
						+ "backslash or line break in the path). Send identifiers exactly as the API returned them."
				: "The server could not answer this request.";
		try {
			// the security headers every other answer carries (the application's filters never saw this one)
			response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "no-referrer");
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
						+ detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone, or the response was already under way: nothing more to say.
		}
	}

	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
