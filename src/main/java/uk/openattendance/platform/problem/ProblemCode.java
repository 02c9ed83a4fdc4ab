package uk.openattendance.platform.problem;

/** A family of refusals; each feature keeps a small enum of these. HTTP status is a plain int so domains stay free of the web. */
public interface ProblemCode {
    String name();

    int status();

    String title();
}
