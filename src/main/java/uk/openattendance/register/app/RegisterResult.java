package uk.openattendance.register.app;

import java.util.List;

/** What a submission did: new marks, changed marks (amendments) and marks that were already as sent. */
public record RegisterResult(int recorded, int amended, int unchanged, List<MarkView> marks) {}
