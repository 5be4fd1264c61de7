package com.artisanmarket.bench.report;

/**
 * One kind of catalogue read under a fixed arrival rate.
 *
 * @param simulation browse or search
 * @param request the request's name
 * @param usersPerSecond the arrival rate of the run
 * @param ok answers that passed their checks
 * @param failed answers that did not, and requests without an answer
 * @param millis times of the good answers
 * @param report the run's Gatling report, relative to the results folder
 */
public record ReadResult(String simulation, String request, double usersPerSecond, int ok, int failed,
		Percentiles millis, String report) {

}
