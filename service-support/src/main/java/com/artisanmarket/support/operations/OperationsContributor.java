package com.artisanmarket.support.operations;

import java.util.Map;

/**
 * What a service adds to its operations snapshot beyond the shared parts (its circuit
 * breakers, its saga's figures, ...).
 */
@FunctionalInterface
public interface OperationsContributor {

	/**
	 * @param details where to put named values (maps, lists, numbers, strings)
	 */
	void contribute(Map<String, Object> details);

}
