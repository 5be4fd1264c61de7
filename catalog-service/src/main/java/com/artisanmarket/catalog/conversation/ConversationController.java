package com.artisanmarket.catalog.conversation;

import java.net.URI;
import java.util.List;

import com.artisanmarket.catalog.conversation.ConversationView.MessageView;
import com.artisanmarket.events.ProblemTypes;
import com.artisanmarket.support.security.Caller;
import com.artisanmarket.support.security.SignedInName;
import com.artisanmarket.support.web.PageRequest;
import com.artisanmarket.support.web.PageView;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations between buyers and artisans. */
@RestController
class ConversationController {

	private static final String NAMELESS = "A buyer";

	private final Conversations conversations;

	ConversationController(Conversations conversations) {
		this.conversations = conversations;
	}

	@PostMapping("/api/conversations")
	@ApiResponse(responseCode = "201", description = "The conversation with the text as its newest message, started "
			+ "now or earlier (asking again about the same subject reuses it); at Location")
	ResponseEntity<ConversationView> start(@Valid @RequestBody NewConversation request, Caller caller) {
		Conversation conversation = this.conversations.start(request, caller, SignedInName.current().orElse(NAMELESS));
		return ResponseEntity.created(URI.create("/api/conversations/" + conversation.id()))
			.body(ConversationView.of(conversation, caller));
	}

	@GetMapping("/api/conversations")
	PageView<ConversationView> inbox(@Valid PageRequest page, Caller caller) {
		return this.conversations.inbox(caller, page).map((conversation) -> ConversationView.of(conversation, caller));
	}

	@GetMapping("/api/conversations/unread")
	UnreadView unread(Caller caller) {
		List<Inboxes.Entry> entries = this.conversations.entries(caller);
		return new UnreadView(entries.stream().mapToLong(Inboxes.Entry::unread).sum(),
				entries.stream().filter((entry) -> entry.unread() > 0).count(), entries.size());
	}

	@GetMapping("/api/conversations/{id}")
	ConversationView get(@PathVariable String id, Caller caller) {
		return ConversationView.of(this.conversations.readable(id, caller), caller);
	}

	@GetMapping("/api/conversations/{id}/messages")
	MessagesView messages(@PathVariable String id, @RequestParam(required = false) @Min(2) Long before,
			@RequestParam(defaultValue = "30") @Min(1) @Max(100) int size, Caller caller) {
		Conversation conversation = this.conversations.readable(id, caller);
		List<Conversation.Message> found = this.conversations.messages(conversation, before, size);
		Long older = (!found.isEmpty() && found.getFirst().seq() > 1) ? found.getFirst().seq() : null;
		return new MessagesView(found.stream().map((message) -> MessageView.of(message, caller)).toList(), older);
	}

	@PostMapping("/api/conversations/{id}/messages")
	@ApiResponse(responseCode = "201", description = "The message, written")
	ResponseEntity<MessageView> post(@PathVariable String id, @Valid @RequestBody NewMessage request, Caller caller) {
		Conversation conversation = this.conversations.post(id, request.text(), caller);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(MessageView.of(conversation.lastMessage().orElseThrow(), caller));
	}

	@PostMapping("/api/conversations/{id}/read")
	ConversationView read(@PathVariable String id, Caller caller) {
		return ConversationView.of(this.conversations.markRead(id, caller), caller);
	}

	@PostMapping("/api/conversations/{id}/report")
	ConversationView report(@PathVariable String id, @Valid @RequestBody ReportRequest request, Caller caller) {
		return ConversationView.of(this.conversations.report(id, request.reason().strip(), caller), caller);
	}

	@ExceptionHandler(TooManyMessagesException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyMessagesException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setType(ProblemTypes.TOO_MANY_REQUESTS);
		problem.setTitle("Too many messages");
		long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	/**
	 * @param text plain text
	 */
	record NewMessage(@NotBlank @Size(max = Conversations.MAX_TEXT) String text) {

	}

	/**
	 * @param reason what is wrong, for the admins
	 */
	record ReportRequest(@NotBlank @Size(max = 500) String reason) {

	}

	/**
	 * Messages, oldest first.
	 *
	 * @param items the messages
	 * @param before the {@code before} that reads the ones older than these; {@code null}
	 * when these reach the first
	 */
	record MessagesView(List<MessageView> items, Long before) {

	}

	/**
	 * The caller's unread messages, for a counter.
	 *
	 * @param messages unread messages in all
	 * @param conversations conversations with unread messages
	 * @param total conversations in the caller's inbox
	 */
	record UnreadView(long messages, long conversations, long total) {

	}

}
