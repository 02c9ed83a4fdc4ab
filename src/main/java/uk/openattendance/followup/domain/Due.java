package uk.openattendance.followup.domain;

import java.time.LocalTime;

/**
 * When a step falls on a school day, in school time: due {@code at}; after {@code latest} running it no longer makes
 * sense ({@code whyLatest} says why, in words staff read). {@code session} is null for a step of the whole day.
 */
public record Due(String session, LocalTime at, LocalTime latest, String whyLatest) {}
