package dev.mostread.shared.pageview;

/** What is wrong with one field of one event; {@code index} is the event's position in the request (0 for a single event). */
public record FieldError(int index, String field, String message) {}
