package com.artisanmarket.catalog.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A buyer's first question about a product or one of their orders.
 *
 * @param productId the product asked about; or
 * @param orderId the order asked about
 * @param artisanId which of the order's artisans to ask, when it holds goods of several
 * @param text the question, plain text
 */
record NewConversation(@Size(max = 100) String productId, @Size(max = 100) String orderId,
		@Size(max = 100) String artisanId, @NotBlank @Size(max = Conversations.MAX_TEXT) String text) {

}
