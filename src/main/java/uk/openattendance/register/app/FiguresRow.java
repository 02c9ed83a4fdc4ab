package uk.openattendance.register.app;

import uk.openattendance.register.domain.Figures;

/**
 * Figures for one pupil or one group. For a group, {@code figures} sums every member's sessions (the DfE's overall
 * rate), and {@code persistentAbsentees} counts members at 10% or more missed.
 */
public record FiguresRow(String key, String label, int pupils, Figures figures, int persistentAbsentees, int severeAbsentees, WindowView window) {}
