package com.artisanmarket.support.web;

import java.io.IOException;
import java.io.PrintWriter;

import com.artisanmarket.events.ProblemTypes;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers as {@code problem+json} instead of its HTML page: those it
 * gives before any code of the service runs, such as a 400 for a path that is not UTF-8
 * ({@code /api/orders/%ff%fe}). It writes only where nothing was written yet, so every
 * answer of Spring MVC stays as it is. The request is not echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		String type = (status == 400) ? ProblemTypes.MALFORMED_REQUEST.toString() : "about:blank";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
						+ ",\"detail\":\"The server could not read this request.\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the answer is under way: nothing more to say.
		}
	}

}
