package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What a submission did: new marks, changed marks (amendments) and marks that were already as sent. */
@Schema(example = "{\"recorded\": 3, \"amended\": 0, \"unchanged\": 0, \"marks\": [{\"pupilId\": 43, \"date\": \"2026-11-23\", \"session\": \"AM\", \"code\": \"L\", \"meaning\": \"Late (before registers closed)\", \"minutesLate\": 8, \"arrivedAt\": \"08:58\", \"source\": \"REGISTER\", \"version\": 1, \"recordedBy\": \"teacher@example.org\", \"recordedAt\": \"2026-11-23T08:59:12Z\"}]}")
public record RegisterResult(int recorded, int amended, int unchanged, List<MarkView> marks) {}
