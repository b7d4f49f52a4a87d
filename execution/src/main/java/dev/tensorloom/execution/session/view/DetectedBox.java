package dev.tensorloom.execution.session.view;

/** A box in image pixels (x2, y2 exclusive) with its class and score (1 for a true box). */
public record DetectedBox(int classId, double score, double x1, double y1, double x2, double y2) {
}
